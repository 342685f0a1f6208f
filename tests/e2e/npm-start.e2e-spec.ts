import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { isPortFree } from '@asw/infra';
import { postGraphQL, startTsProcess, testTopicPrefix, TsProcess, uniqueSuffix } from '@asw/testing';

// Issues 21 and 15: `npm start` (tools/launch-start.js, as the npm script runs it) on chosen ports, with other
// tools run while the graph runs and two at once, a log without error-level lines, and a clean Ctrl-C.
const root = join(__dirname, '..', '..');
const run = promisify(execFile);

/** A base port whose five ports (gateway + four subgraphs) are free now. */
async function freeBasePort(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all([0, 1, 2, 3, 4].map((offset) => isPortFree(base + offset)));
    if (free.every(Boolean)) return base;
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
