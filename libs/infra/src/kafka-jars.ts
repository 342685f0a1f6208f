import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaVersionFromPom } from './kafka-config';
import { cacheDir, displayPath, kafkaPomPath } from './paths';
import { seconds } from './wait';

const MARKER = '.complete';

/** Complete = the marker written after a successful fetch exists, and every jar it lists is still there. */
export function isCompleteJarFolder(dir: string): boolean {
  try {
    const listed = readFileSync(join(dir, MARKER), 'utf8').split('\n').filter(Boolean);
    const present = new Set(readdirSync(dir));
    return listed.length > 0 && listed.every((jar) => present.has(jar));
  } catch {
    return false;
  }
}

// Temporary folders of fetches whose owner died; an hour is far longer than any fetch takes.
function removeAbandonedFetches(kafkaDir: string): void {
  for (const entry of readdirSync(kafkaDir)) {
    const path = join(kafkaDir, entry);
    if (/^libs-.+\.tmp-[0-9a-f]+$/.test(entry) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

function mvn(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'mvn.cmd' : 'mvn', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) =>
      reject(new Error(`Maven (mvn) is needed once to fetch the Kafka jars (${error.message}): install it, or set KAFKA_BROKERS`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`mvn ${args.join(' ')} failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`)),
    );
  });
}

/** Whether the jars of the pom's Kafka version are already fetched (then Maven is not needed). */
export function hasKafkaJars(root: string): boolean {
  const version = kafkaVersionFromPom(readFileSync(kafkaPomPath(root), 'utf8'));
  return isCompleteJarFolder(join(cacheDir(root), 'kafka', `libs-${version}`));
}

/**
 * The jars of Apache Kafka (the version in libs/infra/kafka/pom.xml), fetched from Maven Central once into
 * .cache/kafka/libs-<version> and reused after that. Fetched into a temporary folder and renamed, so an
 * interrupted or concurrent fetch never leaves a half-filled folder that looks usable.
 */
export async function ensureKafkaJars(root: string, log: (message: string) => void): Promise<{ version: string; libsDir: string }> {
  const version = kafkaVersionFromPom(readFileSync(kafkaPomPath(root), 'utf8'));
  const kafkaDir = join(cacheDir(root), 'kafka');
  const libsDir = join(kafkaDir, `libs-${version}`);
  if (isCompleteJarFolder(libsDir)) return { version, libsDir };

  const started = Date.now();
  log(`fetching the Apache Kafka ${version} jars with Maven (once; reused from ${displayPath(root, libsDir)} afterwards)`);
  const tmp = `${libsDir}.tmp-${randomBytes(4).toString('hex')}`;
  mkdirSync(kafkaDir, { recursive: true });
  removeAbandonedFetches(kafkaDir);
  try {
    await mvn(['-q', '-B', '-f', kafkaPomPath(root), 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`], root);
    const jars = readdirSync(tmp).filter((file) => file.endsWith('.jar'));
    if (!jars.some((jar) => jar.startsWith('kafka_'))) throw new Error(`Maven fetched no Kafka broker jar into ${tmp}`);
    writeFileSync(join(tmp, MARKER), `${jars.join('\n')}\n`);
    if (!isCompleteJarFolder(libsDir)) {
      rmSync(libsDir, { recursive: true, force: true });
      try {
        renameSync(tmp, libsDir);
      } catch (error) {
        if (!isCompleteJarFolder(libsDir)) throw error; // else a concurrent fetch won the race
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(`Kafka jars fetched in ${seconds(started)}`);
  return { version, libsDir };
}

