/**
 * Composes the supergraph at build time: prints each subgraph's SDL from its code-first schema,
 * composes them with @apollo/composition and writes gateway/supergraph.graphql (plus each service's
 * schema.graphql, for review). `--check` writes nothing and fails when a checked-in file is stale.
 * Composition errors fail either way, so a breaking schema change fails the build, not production.
 * It also writes the client-facing API schema (gateway/api-schema.graphql) and refuses a change to it
 * that would break a client (tools/api-schema.ts), checked over every committed version of that file,
 * and the enum labels for frontends (gateway/enum-labels.json); an enum value without labels fails.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { buildSchema, parse } from 'graphql';
import { enumLabelsOf, unlabelledEnumValues } from '../libs/subgraph/src/labels/enum-labels';
import { ACCEPTED_BREAKS_FILE, API_SCHEMA_FILE, apiSchemaSdl, committedApiSchemas, parseAcceptedBreaks, unacceptedBreakingChanges } from './api-schema';
import { routingUrl, SUBGRAPHS, SUPERGRAPH_FILE } from './graph';

const ENUM_LABELS_FILE = 'gateway/enum-labels.json'; // what a UI shows for each enum value, in fi, sv and en
const root = process.cwd(); // npm scripts run at the repository root

/**
 * Each subgraph prints its own SDL in its own process, as it would serve it: run from source (compiled in
 * memory), so composing never writes a build another run or a running graph uses.
 */
async function printSdl(dir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', join(root, 'tools', 'ts-register.js'), join(root, dir, 'src/main.ts'), '--print-schema'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const outputs = new Map<string, string>();
  const sdls = await Promise.all(SUBGRAPHS.map((entry) => printSdl(entry.dir)));
  const services = SUBGRAPHS.map((entry, index) => {
    outputs.set(join(entry.dir, 'schema.graphql'), `${sdls[index].trim()}\n`);
    return { name: entry.name, url: routingUrl(entry), typeDefs: parse(sdls[index]) };
  });
  const result = composeServices(services);
  if (result.errors) {
    process.stderr.write(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}\n`);
    process.exit(1);
  }
  outputs.set(SUPERGRAPH_FILE, `${result.supergraphSdl.trim()}\n`);
  const apiSdl = apiSchemaSdl(result.supergraphSdl);
  outputs.set(API_SCHEMA_FILE, apiSdl);
  const apiSchema = buildSchema(apiSdl);
  const unlabelled = unlabelledEnumValues(apiSchema);
  if (unlabelled.length > 0) {
    process.stderr.write(`Enum values without fi/sv/en labels (add them to libs/subgraph/src/labels/enum-labels.data.ts): ${unlabelled.join(', ')}\n`);
    process.exit(1);
  }
  outputs.set(ENUM_LABELS_FILE, `${JSON.stringify(enumLabelsOf(apiSchema), null, 2)}\n`);
  const breaks = breakingChanges(apiSdl);
  if (breaks.length > 0) {
    process.stderr.write(
      `Breaking change to the API schema (${API_SCHEMA_FILE}):\n${breaks.map((line) => `- ${line}`).join('\n')}\n` +
        `Deprecate first (@deprecated, removed in a later change), or list each change word for word with a reason in ${ACCEPTED_BREAKS_FILE}.\n`,
    );
    process.exit(1);
  }

  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const path = join(root, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === content) continue;
    if (check) stale.push(file);
    else writeFileSync(path, content);
  }
  if (stale.length > 0) {
    process.stderr.write(`Out of date (run \`npm run compose\` and commit): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'supergraph is up to date\n' : `composed ${SUPERGRAPH_FILE} from ${services.length} subgraphs\n`);
}

/** Breaking changes between consecutive committed versions of the API schema and from the last one to `apiSdl`. */
function breakingChanges(apiSdl: string): string[] {
  const acceptedPath = join(root, ACCEPTED_BREAKS_FILE);
  const accepted = existsSync(acceptedPath) ? parseAcceptedBreaks(readFileSync(acceptedPath, 'utf8')) : [];
  const versions = [...committedApiSchemas(root).map((version) => ({ label: version.commit.slice(0, 12), sdl: version.sdl })), { label: 'this tree', sdl: apiSdl }];
  return versions.slice(1).flatMap((next, index) =>
    unacceptedBreakingChanges(versions[index].sdl, next.sdl, accepted).map((change) => `${change} (${versions[index].label} → ${next.label})`),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
