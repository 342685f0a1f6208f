/**
 * Event soak run: mixed load on the real event path (outbox → relay → Kafka → consumer inbox) with a
 * fault every few minutes, then the count of what went wrong. Runs on this machine only (127.0.0.1):
 * a three-node Kafka cluster of its own (libs/infra startKafkaCluster) and a throwaway PostgreSQL (as
 * the tests provision it; a DATABASE_URL elsewhere is refused).
 *
 *   npm run soak:events -- [--minutes 30] [--fault-every 180]
 *
 * Load: two replicas of a service (child processes: relay, consumer in one group, two steady writers
 * each) and bursts of 100-event transactions from this process. Faults, in turn: a broker killed
 * (SIGKILL) and restarted 10 s later; a replica killed (SIGKILL) and replaced 5 s later. For each fault
 * it prints how long an event committed at the moment of the fault took to be applied (the pipeline
 * stalled for about that long) and, for a broker, how long the restarted member took to be back in
 * sync. At the end: events committed, lost, applied twice and applied out of order per client.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { databaseUrl, ensureDatabase, LocalKafka, provisionInfrastructure, startKafkaCluster, waitForInSyncReplicas } from '@asw/infra';
import { topicOf } from '@asw/events';
import { startTsProcess, TsProcess } from '@asw/testing';
import { deliveryReport, ensureTestTopics, openDataSource, publishThings, testKafka } from '../libs/events/test/test-events';

const FIXTURE = 'libs/events/test/fixtures/event-process.fixture.ts';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (message: string) => process.stdout.write(`[soak ${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s] ${message}\n`);

interface FaultResult {
  fault: string;
  /** Commit → applied of an event committed at the moment of the fault. */
  stallMs: number;
  /** Broker faults: restart → every replica in sync again. */
  inSyncMs?: number;
}

function options(): { minutes: number; faultEverySeconds: number } {
  const { values } = parseArgs({ options: { minutes: { type: 'string' }, 'fault-every': { type: 'string' } } });
  const minutes = Number(values.minutes ?? 30);
  const faultEverySeconds = Number(values['fault-every'] ?? 180);
  if (!(minutes > 0 && minutes <= 24 * 60)) throw new Error('--minutes: more than 0, at most 1440');
  if (!(faultEverySeconds >= 20)) throw new Error('--fault-every: at least 20 (seconds)');
  return { minutes, faultEverySeconds };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`the soak run sends traffic to this machine only; DATABASE_URL points at ${host}`);
}

async function main(): Promise<void> {
  const { minutes, faultEverySeconds } = options();
  log(`soak: ${minutes} min, a fault every ${faultEverySeconds} s`);
  const cluster: LocalKafka = await startKafkaCluster({ nodes: 3, log });
  const cleanUps: Array<() => Promise<unknown>> = [() => cluster.stop()];
  const replicas: TsProcess[] = [];
  try {
    const infra = await provisionInfrastructure({ purpose: 'test', log, env: { ...process.env, KAFKA_BROKERS: cluster.brokers.join(',') } });
    cleanUps.push(() => infra.stop());
    assertLoopback(infra.postgres.serverUrl);
    const database = `asw_test_soak_${randomUUID().slice(0, 8)}`;
    await ensureDatabase(infra.postgres.serverUrl, database);
    cleanUps.push(async () => {
      const client = new Client({ connectionString: infra.postgres.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`).finally(() => client.end());
    });
    const url = databaseUrl(infra.postgres.serverUrl, database);
    const dataSource: DataSource = await openDataSource(url);
    cleanUps.push(() => dataSource.destroy());
    const prefix = `soak${randomUUID().slice(0, 8)}.`;
    const topic = topicOf('case', prefix);
    await ensureTestTopics(testKafka(cluster.brokers), prefix);

    let nextWriter = 0;
    const env = { DATABASE_URL: url, KAFKA_BROKERS: cluster.brokers.join(','), TOPIC_PREFIX: prefix, WRITERS: '2', LOG_LEVEL: 'silent' };
    const startReplica = async (): Promise<TsProcess> => {
      const replica = startTsProcess(FIXTURE, ['replica'], { ...env, FIRST_WRITER: String((nextWriter += 10)) });
      replicas.push(replica);
      await replica.waitFor('ready', 120_000);
      return replica;
    };
    await Promise.all([startReplica(), startReplica()]);
    log('two replicas running (relay, consumer, two writers each); 3 Kafka nodes');

    // Bursts: 100 events in transactions of 25, every 2 s, on clients of their own, numbered ascending.
    let bursting = true;
    const burstClients = Array.from({ length: 5 }, () => randomUUID());
    const bursts = (async () => {
      for (let burst = 0; bursting; burst++) {
        await publishThings(dataSource, prefix, 100, { perTransaction: 25, clients: burstClients, firstN: 900_000_000 + burst * 100 }).catch(() => undefined);
        await sleep(2000);
      }
    })();

    /** Commits one event on a client of its own and resolves with the ms until the consumer applied it (at most 5 min: then Infinity). */
    const canaryClient = randomUUID();
    let canaries = 0;
    const canary = async (): Promise<number> => {
      const [id] = await publishThings(dataSource, prefix, 1, { clients: [canaryClient], firstN: 800_000_000 + canaries++ });
      const committedAt = Date.now();
      while (Date.now() - committedAt < 300_000) {
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM test_applied WHERE event_id = $1`, [id]);
        if (n > 0) return Date.now() - committedAt;
        await sleep(50);
      }
      return Infinity;
    };

    const results: FaultResult[] = [];
    const endAt = Date.now() + minutes * 60_000; // minutes of load, after the set-up
    for (let round = 0; Date.now() + faultEverySeconds * 1000 < endAt; round++) {
      await sleep(faultEverySeconds * 1000 - 15_000);
      if (round % 2 === 0) {
        const node = cluster.nodes[(round / 2) % cluster.nodes.length];
        await node.kill();
        const stall = canary();
        log(`fault: Kafka node ${node.id} killed (SIGKILL)`);
        await sleep(10_000);
        const restartedAt = Date.now();
        await node.restart();
        await waitForInSyncReplicas(cluster.brokers, [topic, '__consumer_offsets'], { timeoutMs: 300_000 });
        const result = { fault: `broker ${node.id} killed 10 s`, stallMs: await stall, inSyncMs: Date.now() - restartedAt };
        results.push(result);
        log(`recovered: event committed at the kill applied after ${result.stallMs} ms; node ${node.id} in sync ${result.inSyncMs} ms after its restart`);
      } else {
        const victim = replicas.shift()!;
        await victim.stop();
        const stall = canary();
        log('fault: a service replica killed (SIGKILL)');
        await sleep(5000);
        await startReplica();
        const result = { fault: 'replica killed, replaced after 5 s', stallMs: await stall };
        results.push(result);
        log(`recovered: event committed at the kill applied after ${result.stallMs} ms; a new replica joined`);
      }
    }
    await sleep(Math.max(0, endAt - Date.now()));

    log('stopping the writers; waiting for everything committed to be applied');
    bursting = false;
    await bursts;
    await Promise.all(
      replicas.map((replica) => {
        replica.child.send('stop-writing');
        return replica.waitFor('writes stopped');
      }),
    );
    const committed: string[] = (await dataSource.query(`SELECT envelope->>'id' AS id FROM outbox ORDER BY seq`)).map((row: { id: string }) => row.id);
    const drainDeadline = Date.now() + 180_000;
    let report = await deliveryReport(dataSource, committed);
    while (report.lost > 0 && Date.now() < drainDeadline) {
      await sleep(1000);
      report = await deliveryReport(dataSource, committed);
    }

    const stalls = results.map((result) => result.stallMs).sort((x, y) => x - y);
    process.stdout.write(
      [
        '',
        `soak result: ${minutes} min of load (${((Date.now() - started) / 60_000).toFixed(1)} min in all), ${results.length} faults:`,
        `  committed      ${report.committed}`,
        `  lost           ${report.lost}`,
        `  applied twice  ${report.duplicated}`,
        `  out of order   ${report.outOfOrder}`,
        ...results.map((result) => `  ${result.fault.padEnd(36)} stall ${String(result.stallMs).padStart(6)} ms${result.inSyncMs === undefined ? '' : `, back in sync after ${result.inSyncMs} ms`}`),
        stalls.length > 0 ? `  stall: median ${stalls[Math.floor(stalls.length / 2)]} ms, worst ${stalls[stalls.length - 1]} ms` : '',
        '',
      ].join('\n'),
    );
    if (report.lost > 0 || report.duplicated > 0 || report.outOfOrder > 0 || stalls.includes(Infinity)) process.exitCode = 1;
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    for (const cleanUp of cleanUps.reverse()) await cleanUp().catch((error: unknown) => log(`clean-up: ${(error as Error).message}`));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
