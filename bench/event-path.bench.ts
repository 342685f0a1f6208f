/**
 * Event path benchmark: commit → "applied by the consumer" through the transactional outbox, the relay,
 * Kafka and the inbox, side by side with a bare kafkajs produce-and-consume baseline, at a fixed
 * offered rate and at maximum throughput. Provisions PostgreSQL and Kafka as the tests do
 * (DATABASE_URL / KAFKA_BROKERS if set, else Docker, else local processes) and stops them at the end.
 *
 *   npm run bench:events        (node -r ./tools/ts-register.js bench/event-path.bench.ts)
 *   BENCH_SECONDS=8 BENCH_RATE=500 BENCH_CONSUMER=process|inline
 *
 * The outbox consumer runs in a child process by default, as the consuming service would; both
 * processes stamp times with the wall clock (same machine), so latencies are comparable.
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { z } from 'zod';
import type { Kafka } from 'kafkajs';
import { DataSource, EntityManager, EntitySubscriberInterface, EventSubscriber, MigrationInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import {
  createKafka,
  defineEvent,
  ensureTopics,
  EventConsumer,
  EventEnvelope,
  EventHandler,
  EventPublisher,
  EVENT_MIGRATIONS,
  OutboxRelay,
  topicOf,
} from '@asw/events';
import { databaseUrl, ensureDatabase, provisionInfrastructure } from '@asw/infra';
import { createLogger } from '@asw/platform';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const RATE = Number(process.env.BENCH_RATE ?? 500);
const CONCURRENCY = 32;
const logger = createLogger('bench', process.env.LOG_LEVEL ?? 'error');
/** Wall clock with sub-millisecond resolution, comparable between the two processes of one machine. */
const now = () => performance.timeOrigin + performance.now();
/** CPU time this process used so far, ms. */
const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** CPU time the whole machine (all cores, every process: PostgreSQL, Kafka, other sessions) spent busy so far, ms; NaN without /proc. */
function machineCpuMs(): number {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) * 10; // USER_HZ = 100
  } catch {
    return NaN;
  }
}

/**
 * CPU ms used so far by this process's descendants, by program: the PostgreSQL and Kafka this
 * benchmark started (when it started them as local processes) and the consumer child ('node').
 */
function descendantsCpuMs(): Map<string, number> {
  const processes = new Map<number, { ppid: number; program: string; ms: number }>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const fields = stat.slice(close + 2).split(' '); // state, ppid, ..., utime (12th), stime (13th)
        processes.set(Number(entry), { ppid: Number(fields[1]), program: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * 10 });
      } catch {
        // exited meanwhile
      }
    }
  } catch {
    return new Map(); // no /proc
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = processes.get(pid)?.ppid; at !== undefined && at > 1; at = processes.get(at)?.ppid) if (at === process.pid) return true;
    return false;
  };
  const byProgram = new Map<string, number>();
  for (const [pid, { program, ms }] of processes) if (isDescendant(pid)) byProgram.set(program, (byProgram.get(program) ?? 0) + ms);
  return byProgram;
}

/** Where the CPU went during one run (offer start → everything applied). */
interface CpuUse {
  startedAt: number;
  machineAtStart: number;
  processAtStart: number;
  descendantsAtStart: Map<string, number>;
}

const startCpu = (): CpuUse => ({ startedAt: now(), machineAtStart: machineCpuMs(), processAtStart: processCpuMs(), descendantsAtStart: descendantsCpuMs() });

const BenchEventHappened = defineEvent({
  type: 'BenchEventHappened',
  version: 1,
  producer: 'case',
  payload: z.object({ clientId: z.string().uuid(), n: z.number().int(), note: z.string() }),
});
type Payload = z.infer<typeof BenchEventHappened.payload>;

class BenchTables1763800009998 implements MigrationInterface {
  name = 'BenchTables1763800009998';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE bench_state (id uuid PRIMARY KEY, n integer NOT NULL)`);
    await runner.query(`CREATE TABLE bench_applied (event_id uuid PRIMARY KEY, n integer NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE bench_applied`);
    await runner.query(`DROP TABLE bench_state`);
  }
}

/** "Applied" means committed: handled events are stamped when their transaction commits. */
const handledIn = new WeakMap<QueryRunner, string[]>();
let onApplied: (ids: string[], at: number) => void = () => undefined;
@EventSubscriber()
class CommitStamp implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const ids = handledIn.get(event.queryRunner);
    if (!ids) return;
    handledIn.delete(event.queryRunner);
    onApplied(ids, now());
  }
}

class BenchHandler implements EventHandler<Payload> {
  readonly event = BenchEventHappened;
  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    await manager.query(`INSERT INTO bench_applied (event_id, n) VALUES ($1, $2)`, [event.id, event.payload.n]);
    const runner = manager.queryRunner!;
    const ids = handledIn.get(runner) ?? [];
    ids.push(event.id);
    handledIn.set(runner, ids);
  }
}

async function openBenchDatabase(url: string, poolSize = 20): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...EVENT_MIGRATIONS, BenchTables1763800009998],
    migrationsRun: true,
    subscribers: [CommitStamp],
    extra: { max: poolSize },
  });
  return dataSource.initialize();
}

/** Where an event was between commit and applied: the relay's Kafka request (start, ack) and the consumer's fetch. */
interface StageStamps {
  sent: Map<string, number>;
  acked: Map<string, number>;
  fetched: Map<string, number>;
}

const idOf = (value: Buffer | string | null) => (JSON.parse(value!.toString()) as { id: string }).id;

/** Stamps every relay request's messages when it is sent and when Kafka acked it (wraps the producers `kafka` makes). */
function stampProducer(kafka: Kafka, stages: StageStamps): void {
  const producer = kafka.producer.bind(kafka);
  kafka.producer = (config) => {
    const made = producer(config);
    const sendBatch = made.sendBatch.bind(made);
    made.sendBatch = async (batch) => {
      const sentAt = now();
      const result = await sendBatch(batch);
      const ackedAt = now();
      for (const { messages } of batch.topicMessages ?? []) {
        for (const message of messages) {
          const id = idOf(message.value);
          stages.sent.set(id, sentAt);
          stages.acked.set(id, ackedAt);
        }
      }
      return result;
    };
    return made;
  };
}

/** Stamps every message when the consumer's eachBatch receives it (wraps the consumers `kafka` makes). */
function stampConsumer(kafka: Kafka, fetched: (ids: string[], at: number) => void): void {
  const consumer = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const made = consumer(config);
    const run = made.run.bind(made);
    made.run = (runConfig) =>
      run({
        ...runConfig,
        eachBatch: async (payload) => {
          fetched(payload.batch.messages.map((message) => idOf(message.value)), now());
          return runConfig!.eachBatch!(payload);
        },
      });
    return made;
  };
}

function startOutboxConsumer(kafka: Kafka, dataSource: DataSource, prefix: string): EventConsumer {
  return new EventConsumer({ kafka, dataSource, logger, service: 'bench', handlers: [new BenchHandler()], topicPrefix: prefix, catalog: [BenchEventHappened] });
}

// ---- child process: the consuming service -------------------------------------------------------

async function consumerProcess(): Promise<void> {
  const { url, brokers, prefix } = JSON.parse(process.env.BENCH_CHILD!) as { url: string; brokers: string[]; prefix: string };
  const dataSource = await openBenchDatabase(url, 10);
  onApplied = (ids, at) => process.send!({ applied: ids, at });
  const kafka = createKafka('bench-consumer', brokers, logger);
  stampConsumer(kafka, (ids, at) => process.send!({ fetched: ids, at }));
  const consumer = startOutboxConsumer(kafka, dataSource, prefix);
  await consumer.start();
  process.send!({ ready: true });
  process.on('message', async (message: { stop?: boolean }) => {
    if (!message.stop) return;
    await consumer.stop();
    await dataSource.destroy();
    process.exit(0);
  });
}

// ---- load and measurement -----------------------------------------------------------------------

/** Offers `send` at `rate` per second (or as fast as CONCURRENCY allows when null) for `seconds`. */
async function offer(rate: number | null, seconds: number, send: (n: number) => Promise<void>): Promise<number> {
  const start = Date.now();
  const end = start + seconds * 1000;
  let started = 0;
  let inFlight = 0;
  const work = async (n: number) => {
    inFlight++;
    try {
      await send(n);
    } finally {
      inFlight--;
    }
  };
  if (rate === null) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < end) await work(started++);
      }),
    );
    return started;
  }
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const at = Date.now();
      const due = Math.min(Math.floor((rate * (at - start)) / 1000), rate * seconds);
      while (started < due && inFlight < CONCURRENCY * 4) pending.push(work(started++));
      if (at >= end) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.all(pending);
  return started;
}

interface Measured {
  committedAt: Map<string, number>;
  appliedAt: Map<string, number>;
  measureFrom: number;
  stages?: StageStamps;
  cpu?: CpuUse & { endedAt: number; machineAtEnd: number; processAtEnd: number; descendantsAtEnd: Map<string, number> };
}

interface Row {
  path: 'outbox' | 'baseline';
  offered: string;
  events: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  /**
   * CPU ms per event (all offered, warm-up included): this process (writer + relay, or producer + consumer),
   * its descendants by program (postgres, java = Kafka, node = the consumer child), the whole machine;
   * and the machine's busy share.
   */
  cpuPerEvent?: { load: number; byProgram: Map<string, number>; machine: number; busy: number };
  /** Outbox path only: p50 / p99 of each stage, in ms. */
  stages?: Array<{ name: string; p50: number; p99: number }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stageLatencies({ committedAt, appliedAt, measureFrom, stages }: Measured): Row['stages'] {
  if (!stages) return undefined;
  const steps: Array<[string, Map<string, number>, Map<string, number>]> = [
    ['commit→relay sends', committedAt, stages.sent],
    ['send→Kafka ack', stages.sent, stages.acked],
    ['ack→consumer has it', stages.acked, stages.fetched],
    ['has it→applied', stages.fetched, appliedAt],
  ];
  return steps.map(([name, from, to]) => {
    const gaps: number[] = [];
    for (const [id, committed] of committedAt) {
      if (committed < measureFrom || !from.has(id) || !to.has(id)) continue;
      gaps.push(to.get(id)! - from.get(id)!);
    }
    gaps.sort((a, b) => a - b);
    return { name, p50: percentile(gaps, 50), p99: percentile(gaps, 99) };
  });
}

function cpuPerEvent({ cpu, committedAt }: Measured): Row['cpuPerEvent'] {
  if (!cpu) return undefined;
  const events = committedAt.size;
  const machine = cpu.machineAtEnd - cpu.machineAtStart;
  const byProgram = new Map([...cpu.descendantsAtEnd].map(([program, ms]) => [program, (ms - (cpu.descendantsAtStart.get(program) ?? 0)) / events]));
  return {
    load: (cpu.processAtEnd - cpu.processAtStart) / events,
    byProgram,
    machine: machine / events,
    busy: machine / ((cpu.endedAt - cpu.startedAt) * cpus().length),
  };
}

const endCpu = (cpu: CpuUse): Measured['cpu'] => ({ ...cpu, endedAt: now(), machineAtEnd: machineCpuMs(), processAtEnd: processCpuMs(), descendantsAtEnd: descendantsCpuMs() });

function summarize(path: Row['path'], offered: string, measured: Measured): Row {
  const { committedAt, appliedAt, measureFrom } = measured;
  const latencies: number[] = [];
  let first = Infinity;
  let last = 0;
  let lost = 0;
  for (const [id, committed] of committedAt) {
    if (committed < measureFrom) continue;
    const applied = appliedAt.get(id);
    if (applied === undefined) {
      lost++;
      continue;
    }
    latencies.push(applied - committed);
    first = Math.min(first, committed);
    last = Math.max(last, applied);
  }
  latencies.sort((a, b) => a - b);
  return {
    path,
    offered,
    events: latencies.length,
    throughput: latencies.length / ((last - first) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    lost,
    stages: stageLatencies(measured),
    cpuPerEvent: cpuPerEvent(measured),
  };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

// ---- the two paths ------------------------------------------------------------------------------

async function runOutbox(serverUrl: string, brokers: string[], rate: number | null): Promise<Row> {
  const url = databaseUrl(serverUrl, `asw_bench_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(serverUrl, new URL(url).pathname.slice(1));
  const dataSource = await openBenchDatabase(url);
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  const kafka = createKafka('bench', brokers, logger);
  await ensureTopics(kafka, [topicOf('case', prefix), `${topicOf('case', prefix)}.dlq`]);

  const stages: StageStamps = { sent: new Map(), acked: new Map(), fetched: new Map() };
  const measured: Measured = { committedAt: new Map(), appliedAt: new Map(), measureFrom: Infinity, stages };
  const record = (ids: string[], at: number) => ids.forEach((id) => measured.appliedAt.set(id, at));
  // First delivery only: a redelivered message keeps the time it first reached the consumer.
  const recordFetched = (ids: string[], at: number) => ids.forEach((id) => stages.fetched.has(id) || stages.fetched.set(id, at));
  stampProducer(kafka, stages);
  let child: ChildProcess | undefined;
  let inline: { consumer: EventConsumer; dataSource: DataSource } | undefined;
  if (process.env.BENCH_CONSUMER === 'inline') {
    onApplied = record;
    const consumerData = await openBenchDatabase(url, 10);
    const consumerKafka = createKafka('bench-consumer', brokers, logger);
    stampConsumer(consumerKafka, recordFetched);
    inline = { consumer: startOutboxConsumer(consumerKafka, consumerData, prefix), dataSource: consumerData };
    await inline.consumer.start();
  } else {
    child = fork(__filename, [], { env: { ...process.env, BENCH_CHILD: JSON.stringify({ url, brokers, prefix }) }, execArgv: process.execArgv });
    await new Promise<void>((resolve, reject) => {
      child!.on('message', (message: { ready?: boolean; applied?: string[]; fetched?: string[]; at?: number }) => {
        if (message.ready) resolve();
        if (message.applied) record(message.applied, message.at!);
        if (message.fetched) recordFetched(message.fetched, message.at!);
      });
      child!.once('exit', (code) => reject(new Error(`consumer process exited (${code})`)));
    });
  }
  const publisher = new EventPublisher('case', prefix);
  const relay = new OutboxRelay(dataSource, kafka, logger, { wakeOn: publisher });
  await relay.start();

  const clients = Array.from({ length: 64 }, () => randomUUID());
  const cpu = startCpu();
  measured.measureFrom = cpu.startedAt + WARMUP_SECONDS * 1000;
  await offer(rate, WARMUP_SECONDS + SECONDS, async (n) => {
    const clientId = clients[n % clients.length];
    let id = '';
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO bench_state (id, n) VALUES ($1, $2)`, [randomUUID(), n]); // the state change
      id = (await publisher.publish(manager, BenchEventHappened, { clientId, n, note: 'x'.repeat(100) }, { subject: clientId, correlationId: randomUUID() })).id;
    });
    measured.committedAt.set(id, now());
  });
  await waitUntil(() => measured.appliedAt.size >= measured.committedAt.size, 30_000);
  measured.cpu = endCpu(cpu);

  await relay.stop();
  if (inline) {
    await inline.consumer.stop();
    await inline.dataSource.destroy();
  }
  if (child) {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.send({ stop: true });
    await exited;
  }
  await dataSource.destroy();
  return summarize('outbox', rate === null ? 'max' : String(rate), measured);
}

async function runBaseline(brokers: string[], rate: number | null): Promise<Row> {
  const kafka = createKafka('bench-baseline', brokers, logger);
  const topic = `bench${randomBytes(4).toString('hex')}.baseline`;
  await ensureTopics(kafka, [topic]);
  const measured: Measured = { committedAt: new Map(), appliedAt: new Map(), measureFrom: Infinity };
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      measured.appliedAt.set(message.key!.toString(), now());
    },
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const clients = Array.from({ length: 64 }, () => randomUUID());
  const cpu = startCpu();
  measured.measureFrom = cpu.startedAt + WARMUP_SECONDS * 1000;
  await offer(rate, WARMUP_SECONDS + SECONDS, async (n) => {
    // Keyed by event id here (to match receipts); same envelope size as the outbox path.
    const id = randomUUID();
    const clientId = clients[n % clients.length];
    const value = JSON.stringify({ id, type: 'BenchEventHappened', version: 1, occurredAt: new Date().toISOString(), producer: 'case', correlationId: randomUUID(), subject: clientId, payload: { clientId, n, note: 'x'.repeat(100) } });
    const sentAt = now();
    measured.committedAt.set(id, sentAt);
    await producer.send({ topic, acks: -1, messages: [{ key: id, value }] });
  });
  await waitUntil(() => measured.appliedAt.size >= measured.committedAt.size, 30_000);
  measured.cpu = endCpu(cpu);
  await producer.disconnect();
  await consumer.disconnect();
  return summarize('baseline', rate === null ? 'max' : String(rate), measured);
}

// ---- main ---------------------------------------------------------------------------------------

/** The report goes to stdout as plain lines (the benchmark's output, not a log). */
const print = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main(): Promise<void> {
  const began = Date.now();
  const infra = await provisionInfrastructure({ purpose: 'test', log: (message) => process.stderr.write(`[infra] ${message}\n`) });
  const rows: Row[] = [];
  try {
    for (const rate of [RATE, null]) {
      rows.push(await runOutbox(infra.postgres.serverUrl, infra.kafka.brokers, rate));
      rows.push(await runBaseline(infra.kafka.brokers, rate));
    }
  } finally {
    await infra.stop();
  }

  print(`\nEvent path, ${SECONDS} s measured per run after ${WARMUP_SECONDS} s warm-up; latency = commit (or send) → applied (or received)`);
  print('path      offered/s   events   sustained/s   p50 ms   p99 ms   max ms   missing');
  for (const row of rows) {
    print(
      `${row.path.padEnd(9)} ${row.offered.padStart(9)} ${String(row.events).padStart(8)} ${fmt(row.throughput).padStart(13)} ${fmt(row.p50).padStart(8)} ${fmt(row.p99).padStart(8)} ${fmt(row.max).padStart(8)} ${String(row.lost).padStart(9)}`,
    );
  }
  print(`\nCPU ms per event (all offered events; the machine figure includes PostgreSQL, Kafka and anything else running):`);
  for (const row of rows) {
    const cpu = row.cpuPerEvent!;
    const own = row.path === 'outbox' ? 'writer+relay' : 'producer+consumer';
    const programs = [...cpu.byProgram].map(([program, ms]) => `${program === 'node' ? 'consumer (node)' : program === 'java' ? 'kafka (java)' : program} ${fmt(ms, 3)}`);
    print(`  ${row.path.padEnd(8)} ${row.offered.padStart(4)}: ${[`${own} ${fmt(cpu.load, 3)}`, ...programs].join(', ')}; whole machine ${fmt(cpu.machine, 3)} (machine ${fmt(cpu.busy * 100, 0)}% busy)`);
  }
  for (const row of rows.filter((row) => row.stages)) {
    print(`\noutbox path at ${row.offered}/s, by stage (p50 / p99 ms): ${row.stages!.map((stage) => `${stage.name} ${fmt(stage.p50)} / ${fmt(stage.p99)}`).join(', ')}`);
  }
  const pick = (path: Row['path'], offered: string) => rows.find((row) => row.path === path && row.offered === offered)!;
  const [outboxRate, baseRate, outboxMax, baseMax] = [pick('outbox', String(RATE)), pick('baseline', String(RATE)), pick('outbox', 'max'), pick('baseline', 'max')];
  print(`\nratios outbox/baseline: p50 @${RATE}/s ${fmt(outboxRate.p50 / baseRate.p50, 2)}×, p99 @${RATE}/s ${fmt(outboxRate.p99 / baseRate.p99, 2)}×, max throughput ${fmt(outboxMax.throughput / baseMax.throughput, 2)}×`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  print(`targets: ≥ 2000 events/s through outbox and inbox: ${fmt(outboxMax.throughput, 0)}/s ${verdict(outboxMax.throughput >= 2000)}`);
  print(`         p99 commit→applied < 200 ms at ${RATE}/s: ${fmt(outboxRate.p99)} ms ${verdict(outboxRate.p99 < 200)}`);
  print(`         outbox p50 within 3× of baseline: ${fmt(outboxRate.p50 / baseRate.p50, 2)}× ${verdict(outboxRate.p50 <= 3 * baseRate.p50)}`);
  print(`         nothing missing: ${verdict(rows.every((row) => row.lost === 0))}`);
  print(`total ${fmt((Date.now() - began) / 1000, 0)} s`);
}

if (process.env.BENCH_CHILD) {
  consumerProcess().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
