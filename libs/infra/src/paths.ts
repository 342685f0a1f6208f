import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const POM = join('libs', 'infra', 'kafka', 'pom.xml');

/**
 * The repository root, found by walking up from this file to the folder holding the Kafka pom, so it is the
 * same whether this runs from libs/infra/src (jest) or dist/libs/infra/src (npm start).
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, POM))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function kafkaPomPath(root: string): string {
  return join(root, POM);
}

/** Everything the local processes keep: jars, data folders, logs, run records. Ignored by git. */
export function cacheDir(root: string): string {
  return join(root, '.cache');
}

/** A path for log lines: relative to the repository when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}
