/**
 * Composes the supergraph at build time: prints each subgraph's SDL from its code-first schema,
 * composes them with @apollo/composition and writes gateway/supergraph.graphql (plus each service's
 * schema.graphql, for review). `--check` writes nothing and fails when a checked-in file is stale.
 * Composition errors fail either way, so a breaking schema change fails the build, not production.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { routingUrl, SUBGRAPHS, SUPERGRAPH_FILE } from './graph';

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
