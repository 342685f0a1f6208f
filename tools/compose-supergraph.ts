/**
 * Composes the supergraph at build time: prints each subgraph's SDL from its code-first schema,
 * composes them with @apollo/composition and writes gateway/supergraph.graphql (plus each service's
 * schema.graphql, for review). `--check` writes nothing and fails when a checked-in file is stale.
 * Composition errors fail either way, so a breaking schema change fails the build, not production.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printSubgraphSdl } from '@asw/subgraph';
import { routingUrl, SUBGRAPHS, SUPERGRAPH_FILE } from './graph';

const root = process.cwd(); // npm scripts run at the repository root

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const outputs = new Map<string, string>();
  const services = [];
  for (const entry of SUBGRAPHS) {
    const sdl = await printSubgraphSdl(entry.definition);
    outputs.set(join(entry.dir, 'schema.graphql'), `${sdl.trim()}\n`);
    services.push({ name: entry.definition.name, url: routingUrl(entry), typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    process.stderr.write(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}\n`);
    process.exit(1);
  }
  outputs.set(SUPERGRAPH_FILE, `${result.supergraphSdl.trim()}\n`);

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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
