import type { DataSource } from 'typeorm';
import { EventEnvelope, listDeadLetters, topicOf } from '@asw/events';
import { createTestDatabase, eventually, startTsProcess, testKafkaBrokers, TsProcess, uniqueSuffix } from '@asw/testing';
import { deliveryReport, ensureTestTopics, openDataSource, readTopic, testKafka } from './test-events';

const FIXTURE = 'libs/events/test/fixtures/event-process.fixture.ts';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stdout.write(`[replicas] ${message}\n`);

/**
 * Two replicas of one service, each a process with its relay, its consumer (one consumer group) and
 * writers, on one database and one outbox. One is killed with SIGKILL mid-flow: the other's relay
 * takes over publishing and its consumer the killed one's partitions (a rebalance); a new replica
 * joins (another rebalance). Every committed event is published in order per client and applied once.
 */
describe('two replicas of a service, one killed mid-flow (real PostgreSQL, Kafka and processes)', () => {
  let dataSource: DataSource;
  const replicas: TsProcess[] = [];
  const stops: Array<() => Promise<unknown>> = [];

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    await dataSource?.destroy();
  });

  it('publishes in order per client and applies every event once across a replica kill and two rebalances', async () => {
    const url = await createTestDatabase('events_replicas');
    dataSource = await openDataSource(url);
    const prefix = `t${uniqueSuffix()}.`;
    const kafka = testKafka(testKafkaBrokers());
    await ensureTestTopics(kafka, prefix);
    const topic = topicOf('case', prefix);
    const observer = await readTopic(kafka, topic);
    stops.push(() => observer.stop());
    const admin = kafka.admin();
    await admin.connect();
    stops.push(() => admin.disconnect());
    const members = async () => (await admin.describeGroups([`${prefix}events-test`])).groups[0].members.length;

    const env = { DATABASE_URL: url, KAFKA_BROKERS: testKafkaBrokers().join(','), TOPIC_PREFIX: prefix, WRITERS: '2' };
    const start = async (firstWriter: number) => {
      const replica = startTsProcess(FIXTURE, ['replica'], { ...env, FIRST_WRITER: String(firstWriter) });
      replicas.push(replica);
      await replica.waitFor('ready', 90_000);
      return replica;
    };
    const [a, b] = await Promise.all([start(0), start(10)]);
    await eventually(async () => expect(await members()).toBe(2), 60_000, 250);
    await sleep(3000);

    await a.stop(); // SIGKILL: its relay may die between publishing and marking, its consumer mid-chunk
    const killedAt = Date.now();
    log('replica A killed (SIGKILL)');
    // B alone: its consumer gets A's partitions once the group gives up on A (session timeout).
    await eventually(async () => expect(await members()).toBe(1), 60_000, 250);
    log(`consumer group rebalanced to one member ${Date.now() - killedAt} ms after the kill`);
    await sleep(2000);
    const c = await start(20);
    await eventually(async () => expect(await members()).toBe(2), 60_000, 250);
    log('replica C joined: rebalanced to two members');
    await sleep(2000);

    for (const replica of [b, c]) replica.child.send('stop-writing');
    await Promise.all([b, c].map((replica) => replica.waitFor('writes stopped')));
    // Everything committed, including what A committed before it died, as the outbox holds it.
    const committed: string[] = (await dataSource.query(`SELECT envelope->>'id' AS id FROM outbox ORDER BY seq`)).map((row: { id: string }) => row.id);
    expect(committed.length).toBeGreaterThan(0);

    await eventually(async () => expect((await deliveryReport(dataSource, committed)).lost).toBe(0), 90_000, 250);
    const report = await deliveryReport(dataSource, committed);

    // What reached Kafka: each event published (a relay killed between publishing and marking is
    // republished by the other, which consumers skip), and in commit order per client.
    await eventually(() => expect(new Set(observer.messages.map((message) => JSON.parse(message.value).id)).size).toBe(committed.length), 60_000, 250);
    const firstSeen = new Set<string>();
    const lastN = new Map<string, number>();
    let publishedOutOfOrder = 0;
    for (const message of observer.messages) {
      const envelope = JSON.parse(message.value) as EventEnvelope<{ clientId: string; n: number }>;
      if (firstSeen.has(envelope.id)) continue;
      firstSeen.add(envelope.id);
      if (envelope.payload.n < (lastN.get(envelope.subject) ?? -1)) publishedOutOfOrder++;
      lastN.set(envelope.subject, envelope.payload.n);
    }
    log(`delivery: ${JSON.stringify(report)}; published ${observer.messages.length} messages, ${observer.messages.length - firstSeen.size} republished, ${publishedOutOfOrder} out of order`);
    expect(publishedOutOfOrder).toBe(0);
    expect(report).toEqual({ committed: committed.length, lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(await listDeadLetters(dataSource)).toEqual([]);
  }, 300_000);
});
