// Validates Kubernetes objects against the Kubernetes JSON schemas, offline (kubernetes-models: the
// OpenAPI schemas of the Kubernetes API compiled to validators). kubernetes-models ships as ES modules
// only, so tools/deploy-manifests.spec.ts runs this as its own process: objects as a JSON array on
// stdin, a JSON array of { kind, name, error } on stdout (empty when every object is valid).
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const object of objects) {
  const where = { kind: object?.kind, name: object?.metadata?.name };
  let models;
  try {
    models = await import(`kubernetes-models/${object.apiVersion}`);
  } catch {
    problems.push({ ...where, error: `unknown apiVersion ${object?.apiVersion}` });
    continue;
  }
  const Model = models[object.kind];
  if (typeof Model !== 'function') {
    problems.push({ ...where, error: `unknown kind ${object.kind} in ${object.apiVersion}` });
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push({ ...where, error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(problems));
