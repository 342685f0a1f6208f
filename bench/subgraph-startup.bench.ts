/**
 * `npm run bench:startup [-- --rounds 3 --service case --baseline-ref acbe2bb --ref HEAD]`: where a
 * subgraph's start-up time goes, one commit side by side with a baseline commit, on the same machine
 * in the same run (interleaved rounds). Both are built the same way, from `git archive <ref>` into
 * .cache/bench-build-<sha> (sharing this checkout's node_modules), so only the code differs. Each start gets a fresh
 * database (so every migration runs, as on a first deploy) or, with `--warm`, the database of the
 * previous round (migrations only checked, as on a restart). Phases, from the process's own log:
 *   load      process start → Nest starting (requiring the code)
 *   build     → Nest application started (modules, TypeORM + migrations, GraphQL schema, and in the
 *               baseline the Kafka topic check and consumer group join)
 *   listening → "subgraph listening"
 *   ready     → GET /health/ready answers 200
 *   events    → the relay and consumer run (logged since they join in the background; before, they
 *               ran before the app listened)
 *   afterLoad ready − load: start-up once the code is loaded
 * Prints medians in ms and the ratio this/baseline. Needs no running graph; provisions PostgreSQL and
 * Kafka like the tests (DATABASE_URL / KAFKA_BROKERS when set).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseUrl, freePort, provisionInfrastructure } from '@asw/infra';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const ROUNDS = Number(option('rounds', '3'));
const SERVICE = option('service', 'case');
const BASELINE_REF = option('baseline-ref', 'acbe2bb');
const REF = option('ref', 'HEAD');
const WARM = args.includes('--warm');
const ROOT = resolve(__dirname, '..');

type Phase = 'load' | 'build' | 'listening' | 'ready' | 'events' | 'afterLoad';
const PHASES: Phase[] = ['load', 'build', 'listening', 'ready', 'events', 'afterLoad'];

function buildAt(ref: string): string {
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', ref]).toString().trim();
  const dir = join(ROOT, '.cache', `bench-build-${sha}`);
  if (!existsSync(join(dir, 'dist'))) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`building ${ref} (${sha}) in ${dir}\n`);
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${ref} | tar -x -C "${dir}"`]);
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execFileSync('node', ['tools/build.js'], { cwd: dir, stdio: 'ignore' });
  }
  return dir;
}

async function waitReady(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('not ready in time');
}

async function startOnce(dir: string, env: Record<string, string>, joinsInBackground: boolean): Promise<Record<Phase, number>> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn('node', [join(dir, 'dist', 'services', SERVICE, 'src', 'main.js')], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const at: Partial<Record<Phase, number>> = {};
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const now = Date.now() - started;
      if (line.includes('Starting Nest application')) at.load ??= now;
      else if (line.includes('Nest application successfully started')) at.build ??= now;
      else if (line.includes('subgraph listening')) at.listening ??= now;
      else if (line.includes('event relay and consumer running')) at.events ??= now;
    }
  });
  child.stderr!.resume();
  try {
    await waitReady(`http://127.0.0.1:${port}/health/ready`, child, started + 120_000);
    at.ready = Date.now() - started;
    const deadline = Date.now() + 30_000;
    while (at.events === undefined && Date.now() < deadline && joinsInBackground) await new Promise((done) => setTimeout(done, 25));
    // A build without the log line joined Kafka before it listened.
    at.events ??= at.build;
    at.afterLoad = at.ready - at.load!;
    return at as Record<Phase, number>;
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const baseline = buildAt(BASELINE_REF);
  const current = buildAt(REF);
  const joinsInBackground = (dir: string) => existsSync(join(dir, 'libs', 'subgraph', 'src', 'events.runtime.ts')) && readFileSync(join(dir, 'libs', 'subgraph', 'src', 'events.runtime.ts'), 'utf8').includes('event relay and consumer running');
  const infra = await provisionInfrastructure({ purpose: 'test', log: (message) => process.stderr.write(`[infra] ${message}\n`) });
  const contenders = [
    { name: `baseline ${BASELINE_REF}`, dir: baseline },
    { name: REF, dir: current },
  ];
  const results = new Map<string, Array<Record<Phase, number>>>(contenders.map((contender) => [contender.name, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of round % 2 === 0 ? contenders : [...contenders].reverse()) {
        const tag = `${contender === contenders[0] ? 'b' : 'c'}${WARM ? 0 : round}${process.pid}`;
        const env = {
          DATABASE_URL: databaseUrl(infra.postgres.serverUrl, `asw_bench_startup_${tag}`),
          KAFKA_BROKERS: infra.kafka.brokers.join(','),
          KAFKA_TOPIC_PREFIX: `bench${tag}.`,
          GATEWAY_IDENTITY_SECRET: 'bench-only-gateway-identity-secret-0123456789',
        };
        if (WARM && round === 0) await startOnce(contender.dir, env, joinsInBackground(contender.dir)); // creates and migrates the database
        const phases = await startOnce(contender.dir, env, joinsInBackground(contender.dir));
        results.get(contender.name)!.push(phases);
        process.stderr.write(`round ${round + 1} ${contender.name}: ${PHASES.map((phase) => `${phase} ${phases[phase]}`).join(', ')}\n`);
      }
    }
  } finally {
    await infra.stop();
  }
  const medians = contenders.map((contender) => Object.fromEntries(PHASES.map((phase) => [phase, median(results.get(contender.name)!.map((row) => row[phase]))])) as Record<Phase, number>);
  process.stdout.write(`\n${SERVICE} subgraph start-up, ${WARM ? 'restart (database migrated)' : 'fresh database'}, median of ${ROUNDS} rounds, ms since process start:\n`);
  process.stdout.write(`${'phase'.padEnd(10)}${contenders.map((contender) => contender.name.padStart(20)).join('')}${'ratio'.padStart(16)}\n`);
  for (const phase of PHASES) {
    const [before, after] = medians.map((row) => row[phase]);
    process.stdout.write(`${phase.padEnd(10)}${String(before).padStart(20)}${String(after).padStart(20)}${(after / before).toFixed(2).padStart(16)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
