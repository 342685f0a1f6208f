import type { DataSource } from 'typeorm';
import { EventPublisher, listDeadLetters, topicOf } from '@asw/events';
import { LocalKafka, startKafkaCluster, waitForInSyncReplicas } from '@asw/infra';
import { createTestDatabase, eventually, uniqueSuffix } from '@asw/testing';
import { deliveryReport, ensureTestTopics, openDataSource, startWriters, testConsumer, testKafka, testRelay } from './test-events';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stdout.write(`[kafka-cluster] ${message}\n`);

/**
 * A three-node Kafka cluster (replication factor 3, min.insync.replicas 2, the relay's producer
 * idempotent with acks=all) losing a member to SIGKILL while events flow through outbox → relay →
 * Kafka → consumer inbox; then, once it is back and in sync, losing another. Nothing lost, nothing
 * applied twice, each client's events applied in the order they were committed.
 */
describe('three-broker Kafka cluster losing members while events flow (real PostgreSQL, Kafka processes)', () => {
  let cluster: LocalKafka;
  let dataSource: DataSource;
  let consumerDb: DataSource;
  /** The second node's restart, resolving to its error if it failed. */
  let back: Promise<unknown> | undefined;
  const stops: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    cluster = await startKafkaCluster({ nodes: 3, log });
  });
  afterAll(async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    await consumerDb?.destroy();
    await dataSource?.destroy();
    await back;
    await cluster?.stop();
  });

  it('loses nothing, applies nothing twice and keeps per-client order across two broker kills', async () => {
    const url = await createTestDatabase('events_cluster');
    dataSource = await openDataSource(url);
    consumerDb = await openDataSource(url, 4);
    const prefix = `t${uniqueSuffix()}.`;
    const topic = topicOf('case', prefix);
    const kafka = testKafka(cluster.brokers);
    await ensureTestTopics(kafka, prefix);

    const admin = kafka.admin();
    await admin.connect();
    stops.push(() => admin.disconnect());
    // A new topic's metadata reaches every broker a moment after creation: ask until the one asked knows it.
    let partitions: Array<{ partitionId: number; leader: number; replicas: number[] }> = [];
    await eventually(async () => {
      [{ partitions }] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    }, 30_000, 250);
    // Created with the cluster's replication: three copies, writes acknowledged by two.
    expect(partitions.every((partition) => partition.replicas.length === 3)).toBe(true);
    await eventually(async () => {
      const [{ configEntries }] = (await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic, configNames: ['min.insync.replicas'] }] })).resources;
      expect(configEntries.find((entry) => entry.configName === 'min.insync.replicas')?.configValue).toBe('2');
    }, 30_000, 250);

    const publisher = new EventPublisher('case', prefix);
    const relay = testRelay(dataSource, kafka, { wakeOn: publisher });
    await relay.start();
    stops.push(() => relay.stop());
    const consumer = testConsumer({ kafka, dataSource: consumerDb, topicPrefix: prefix });
    await consumer.start();
    stops.push(() => consumer.stop());

    const writers = startWriters(dataSource, prefix, { writers: 4, clientsPerWriter: 4, pauseMs: 20, publisher });
    stops.push(() => writers.stop());
    await sleep(2000);

    // First the leader of partition 0, then another member: each kill takes partition leadership and
    // (for one of them) the group coordinator or the quorum leader away while the relay publishes.
    const first = cluster.nodes.find((node) => node.id === partitions.find((partition) => partition.partitionId === 0)!.leader)!;
    const second = cluster.nodes.find((node) => node !== first)!;
    let before = writers.committed.length;
    await first.kill();
    log(`node ${first.id} killed (SIGKILL) after ${before} events committed`);
    await sleep(4000);
    expect(writers.committed.length).toBeGreaterThan(before); // writes never stopped
    const restarted = Date.now();
    await first.restart();
    // Back in sync before the next kill: with two members down, min.insync.replicas 2 would (rightly) refuse writes.
    await waitForInSyncReplicas(cluster.brokers, [topic, '__consumer_offsets'], { timeoutMs: 90_000 });
    log(`node ${first.id} back and in sync ${Date.now() - restarted} ms after its restart`);

    before = writers.committed.length;
    await second.kill();
    log(`node ${second.id} killed (SIGKILL) after ${before} events committed`);
    await sleep(4000);
    expect(writers.committed.length).toBeGreaterThan(before);
    // It returns while the rest drains on the two members left.
    back = second.restart().then(
      () => undefined,
      (error: unknown) => error,
    );
    await writers.stop();
    log(`${writers.committed.length} events committed; relay failures recorded: ${relay.status.lastError ? 'yes' : 'none'}`);

    await eventually(async () => expect((await deliveryReport(dataSource, writers.committed)).lost).toBe(0), 60_000, 250);
    const report = await deliveryReport(dataSource, writers.committed);
    log(`delivery: ${JSON.stringify(report)}`);
    expect(report).toEqual({ committed: writers.committed.length, lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(await listDeadLetters(dataSource)).toEqual([]);
    expect(relay.status).toMatchObject({ state: 'publishing', error: null });
    expect(await back).toBeUndefined();
  }, 240_000);
});
