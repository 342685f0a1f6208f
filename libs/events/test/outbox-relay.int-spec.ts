import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { EventEnvelope, EventPublisher, topicOf } from '@asw/events';
import { createTestDatabase, eventually, startTsProcess, testKafkaBrokers, uniqueSuffix } from '@asw/testing';
import { NetworkSwitch } from './network-switch';
import { applied, ensureTestTopics, openDataSource, publishThings, readTopic, testConsumer, testKafka, testRelay, ThingHappened } from './test-events';

const FIXTURE = 'libs/events/test/fixtures/event-process.fixture.ts';

const pending = async (dataSource: DataSource) => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n as number;

/** Reliability of the publishing side: broker outage, crash between commit and publish, several replicas. */
describe('outbox relay (real PostgreSQL and Kafka)', () => {
  const brokers = () => testKafkaBrokers();
  let url: string;
  let dataSource: DataSource;
  let prefix: string;
  const stops: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    url = await createTestDatabase('events_relay');
    dataSource = await openDataSource(url);
    prefix = `t${uniqueSuffix()}.`;
    await ensureTestTopics(testKafka(brokers()), prefix);
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await dataSource.destroy();
  });

  it('keeps accepting writes while the broker is unreachable, and delivers every event exactly once when it is back', async () => {
    const network = await NetworkSwitch.create();
    // Relay and consumer both lose the broker, as they would in an outage.
    const kafka = testKafka(brokers(), { socketFactory: network.socketFactory, retry: { initialRetryTime: 100, retries: 2 } });
    const relay = testRelay(dataSource, kafka, { sendRetries: 2 });
    const consumer = testConsumer({ kafka, dataSource, topicPrefix: prefix });
    await relay.start();
    stops.push(() => relay.stop());
    await consumer.start();
    stops.push(() => consumer.stop());

    const before = await publishThings(dataSource, prefix, 50);
    await eventually(async () => expect((await applied(dataSource)).ids.size).toBe(50));

    network.down();
    const during = await publishThings(dataSource, prefix, 200, { firstN: 50 });
    expect(during).toHaveLength(200); // writes never wait for Kafka
    // Long enough that kafkajs gave up several times and the relay replaced its producer.
    await eventually(() => expect(relay.failures).toBeGreaterThanOrEqual(3), 30_000);
    expect(await pending(dataSource)).toBe(200);
    expect(relay.lastError?.message).toBeTruthy();

    network.up();
    await eventually(async () => expect((await applied(dataSource)).ids).toEqual(new Set([...before, ...during])), 60_000);
    expect((await applied(dataSource)).rows).toBe(250);
    expect(await pending(dataSource)).toBe(0);
    expect(relay.failures).toBe(0);
  });

  it('wakes the moment its own process commits events: no polling, no database NOTIFY', async () => {
    const kafka = testKafka(brokers());
    const publisher = new EventPublisher('case', prefix);
    // A poll too slow to matter: only the commit hook can deliver within the test's time.
    const relay = testRelay(dataSource, kafka, { wakeOn: publisher, fallbackPollMs: 600_000 });
    await relay.start();
    stops.push(() => relay.stop());
    const observer = await readTopic(kafka, topicOf('case', prefix));
    stops.push(() => observer.stop());
    expect(await dataSource.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass`)).toEqual([]);

    const rolledBack = dataSource.transaction(async (manager) => {
      await publisher.publish(manager, ThingHappened, { clientId: randomUUID(), n: -1 }, { subject: randomUUID(), correlationId: randomUUID() });
      throw new Error('the state change failed');
    });
    await expect(rolledBack).rejects.toThrow('the state change failed');
    for (let round = 0; round < 3; round++) {
      const ids = await publishThings(dataSource, prefix, 5, { publisher, firstN: round * 5, perTransaction: 5 });
      await eventually(() => expect(observer.messages.map((message) => JSON.parse(message.value).id)).toEqual(expect.arrayContaining(ids)), 5_000);
    }
    expect(observer.messages).toHaveLength(15);
    expect(await pending(dataSource)).toBe(0);
  });

  it('publishes events committed by a process that was killed before publishing them', async () => {
    const env = { DATABASE_URL: url, KAFKA_BROKERS: brokers().join(','), TOPIC_PREFIX: prefix };
    // Committed with no relay running at all, then killed.
    const quiet = startTsProcess(FIXTURE, ['write'], { ...env, RELAY: 'off', COUNT: '300' });
    await quiet.waitFor('done');
    await quiet.stop();
    expect(await pending(dataSource)).toBe(300);
    // Killed in the middle of writing and publishing.
    const busy = startTsProcess(FIXTURE, ['write'], { ...env, COUNT: '5000', FIRST_N: '300' });
    await busy.waitFor('ready');
    await eventually(async () => expect((await dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n).toBeGreaterThan(1000), 60_000, 20);
    await busy.stop();
    const committed: string[] = (await dataSource.query(`SELECT id FROM outbox`)).map((row: { id: string }) => row.id);
    expect(committed.length).toBeLessThan(5300);
    expect(await pending(dataSource)).toBeGreaterThan(0);

    const kafka = testKafka(brokers());
    const relay = testRelay(dataSource, kafka);
    const consumer = testConsumer({ kafka, dataSource, topicPrefix: prefix });
    await relay.start();
    stops.push(() => relay.stop());
    await consumer.start();
    stops.push(() => consumer.stop());
    await eventually(async () => expect((await applied(dataSource)).ids).toEqual(new Set(committed)), 60_000);
    expect((await applied(dataSource)).rows).toBe(committed.length);
    expect(await pending(dataSource)).toBe(0);
  });

  it('with several replicas, publishes each row once and keeps the order per client', async () => {
    const kafka = testKafka(brokers());
    const replicas = await Promise.all([1, 2, 3].map(() => openDataSource(url, 4)));
    stops.push(() => Promise.all(replicas.map((replica) => replica.destroy())));
    for (const replica of replicas) {
      const relay = testRelay(replica, kafka, { batchSize: 50 });
      await relay.start();
      stops.push(() => relay.stop());
    }
    const observer = await readTopic(kafka, topicOf('case', prefix));
    stops.push(() => observer.stop());

    const ids = (await Promise.all([0, 1, 2, 3].map((writer) => publishThings(dataSource, prefix, 300, { firstN: writer * 300, perTransaction: 3 })))).flat();
    await eventually(() => expect(observer.messages).toHaveLength(1200), 60_000);
    const envelopes = observer.messages.map((message) => JSON.parse(message.value) as EventEnvelope<{ n: number }>);
    expect(new Set(envelopes.map((envelope) => envelope.id))).toEqual(new Set(ids));
    // Per client (= key = partition), events arrive in the order they were committed: each writer's n ascend.
    const lastSeen = new Map<string, number>();
    for (const { subject, payload } of envelopes) {
      const writerKey = `${subject}/${Math.floor(payload.n / 300)}`;
      expect(payload.n).toBeGreaterThan(lastSeen.get(writerKey) ?? -1);
      lastSeen.set(writerKey, payload.n);
    }
    expect(await pending(dataSource)).toBe(0);
  });
});
