import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { consumerLag, EventConsumer, EventEnvelope, listDeadLetters, listParkedEvents, readEventsStatus, replayDeadLetters, topicOf } from '@asw/events';
import { createTestDatabase, eventually, produceRaw, testKafkaBrokers, uniqueSuffix } from '@asw/testing';
import { ensureTestTopics, openDataSource, readTopic, testCatalog, testConsumer, testKafka, TestThingHandler, thingEnvelope } from './test-events';

/** Reliability of the consuming side: duplicates, poison messages and dead letters, unknown versions. */
describe('event consumer (real PostgreSQL and Kafka)', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let prefix: string;
  let topic: string;
  let handler: TestThingHandler;
  let consumer: EventConsumer;

  const message = (envelope: EventEnvelope | Record<string, unknown>, key = String(envelope.subject)) => ({ key, value: JSON.stringify(envelope) });
  const appliedTimes = async (eventId: string) => {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM test_applied WHERE event_id = $1`, [eventId]);
    return n as number;
  };

  beforeAll(async () => {
    dataSource = await openDataSource(await createTestDatabase('events_consumer'));
    kafka = testKafka(testKafkaBrokers());
    prefix = `t${uniqueSuffix()}.`;
    topic = topicOf('case', prefix);
    await ensureTestTopics(kafka, prefix);
    handler = new TestThingHandler();
    consumer = testConsumer({ kafka, dataSource, topicPrefix: prefix, handlers: [handler] });
    await consumer.start();
  });
  afterAll(async () => {
    await consumer?.stop();
    await dataSource?.destroy();
  });

  it('applies an event delivered twice (in one batch and again later) exactly once', async () => {
    const twice = thingEnvelope(1);
    await produceRaw(topic, [message(twice), message(twice)]);
    await eventually(async () => expect(await appliedTimes(twice.id)).toBe(1));

    const marker = thingEnvelope(2, { subject: twice.subject });
    await produceRaw(topic, [message(twice), message(marker, twice.subject)]);
    await eventually(async () => expect(await appliedTimes(marker.id)).toBe(1));
    expect(await appliedTimes(twice.id)).toBe(1);
    expect(consumer.counters.duplicates).toBeGreaterThanOrEqual(2);
  });

  it('dead-letters poison messages (invalid at once, failing after N tries), keeps going, and replays once after the fix', async () => {
    const clientId = randomUUID(); // one key: all on one partition, the good ones behind the poison
    const same = { subject: clientId };
    const invalid = thingEnvelope(10, { ...same, payload: { clientId: 'not-a-uuid', n: 10 } });
    const failing = thingEnvelope(4242, { ...same, payload: { clientId, n: 4242 } });
    const good = Array.from({ length: 5 }, (_, i) => thingEnvelope(20 + i, { ...same, payload: { clientId, n: 20 + i } }));
    handler.failingOn.add(4242);
    const dlq = await readTopic(kafka, `${topic}.dlq`);
    try {
      await produceRaw(topic, [
        message(invalid),
        { key: clientId, value: 'this is not json' },
        message(failing),
        ...good.map((envelope) => message(envelope)),
      ]);

      await eventually(async () => {
        for (const envelope of good) expect(await appliedTimes(envelope.id)).toBe(1);
      });
      expect(await appliedTimes(failing.id)).toBe(0);

      const letters = (await listDeadLetters(dataSource)).filter((letter) => letter.key === clientId);
      expect(letters.map(({ eventId, attempts, topic: from }) => ({ eventId, attempts, from }))).toEqual([
        { eventId: invalid.id, attempts: 1, from: topic },
        { eventId: null, attempts: 1, from: topic },
        { eventId: failing.id, attempts: 3, from: topic },
      ]);
      expect(letters[0].error).toBe('invalid TestThingHappened v1 payload: clientId: invalid_string');
      expect(letters[1].value?.toString()).toBe('this is not json');
      expect(letters[2].error).toContain('test handler refuses n=4242');

      await eventually(() => expect(dlq.messages.filter((m) => m.key === clientId)).toHaveLength(3));
      const dlqBodies = dlq.messages.filter((m) => m.key === clientId).map((m) => JSON.parse(m.value));
      expect(dlqBodies[2]).toMatchObject({ envelope: { id: failing.id, type: 'TestThingHappened' }, consumer: 'events-test', topic, attempts: 3, offset: letters[2].offset });
      expect(dlqBodies[1]).toMatchObject({ envelope: null, rawValue: Buffer.from('this is not json').toString('base64') });
      expect(new Date(dlqBodies[2].failedAt).getTime()).not.toBeNaN();

      // The fix ships; the operator replays: the failing event applies, once, however often replayed.
      handler.failingOn.delete(4242);
      const outcomes = await replayDeadLetters(dataSource, [handler], { catalog: testCatalog, ids: letters.map((letter) => letter.id) });
      expect(outcomes.map(({ eventId, outcome }) => ({ eventId, outcome }))).toEqual([
        { eventId: invalid.id, outcome: 'failed' },
        { eventId: null, outcome: 'failed' },
        { eventId: failing.id, outcome: 'applied' },
      ]);
      const again = await replayDeadLetters(dataSource, [handler], { catalog: testCatalog, ids: letters.map((letter) => letter.id) });
      expect(again.map(({ outcome }) => outcome)).toEqual(['failed', 'failed']);
      expect(await appliedTimes(failing.id)).toBe(1);
      const remaining = (await listDeadLetters(dataSource)).filter((letter) => letter.key === clientId);
      expect(remaining.map((letter) => letter.eventId)).toEqual([invalid.id, null]);
      expect(remaining[0].replayError).toContain('invalid TestThingHappened v1 payload');
    } finally {
      await dlq.stop();
    }
  });

  it('parks events of unknown types and newer versions, skips known types it does not handle, and keeps applying', async () => {
    const clientId = randomUUID();
    const same = { subject: clientId };
    const newer = thingEnvelope(30, { ...same, version: 2 });
    const unknownType = thingEnvelope(31, { ...same, type: 'TestSomethingNew' });
    const unhandled = thingEnvelope(32, { ...same, type: 'TestOtherThingHappened', payload: { clientId } });
    const unhandledNewer = thingEnvelope(33, { ...same, type: 'TestOtherThingHappened', version: 3, payload: { clientId } });
    const after = thingEnvelope(34, { ...same, payload: { clientId, n: 34 } });
    await produceRaw(topic, [newer, unknownType, unhandled, unhandledNewer, after].map((envelope) => message(envelope)));

    await eventually(async () => expect(await appliedTimes(after.id)).toBe(1));
    const parked = (await listParkedEvents(dataSource)).filter((event) => event.key === clientId);
    expect(parked.map(({ eventId, eventType, eventVersion, reason }) => ({ eventId, eventType, eventVersion, reason }))).toEqual([
      { eventId: newer.id, eventType: 'TestThingHappened', eventVersion: 2, reason: 'TestThingHappened version 2 is newer than the handled 1' },
      { eventId: unknownType.id, eventType: 'TestSomethingNew', eventVersion: 1, reason: 'unknown event type TestSomethingNew' },
      { eventId: unhandledNewer.id, eventType: 'TestOtherThingHappened', eventVersion: 3, reason: 'TestOtherThingHappened version 3 is newer than the known 1' },
    ]);
    // Retrievable as received, with where it came from.
    expect(JSON.parse(parked[0].value!.toString())).toEqual(newer);
    expect(parked[0]).toMatchObject({ topic, partition: expect.any(Number), offset: expect.stringMatching(/^\d+$/) });
    expect(await appliedTimes(newer.id)).toBe(0);
  });

  it('commits the offsets of everything it applied when it stops, between periodic commits', async () => {
    const ownPrefix = `t${uniqueSuffix()}.`;
    await ensureTestTopics(kafka, ownPrefix);
    // No periodic commit within the test: only stop() can commit.
    const stopping = testConsumer({ kafka, dataSource, topicPrefix: ownPrefix, handlers: [new TestThingHandler()], commitIntervalMs: 600_000 });
    await stopping.start();
    const envelopes = Array.from({ length: 30 }, (_, i) => thingEnvelope(1000 + i));
    await produceRaw(topicOf('case', ownPrefix), envelopes.map((envelope) => message(envelope)));
    await eventually(async () => expect(await Promise.all(envelopes.map((envelope) => appliedTimes(envelope.id)))).toEqual(envelopes.map(() => 1)));
    const admin = kafka.admin();
    await admin.connect();
    let stopped = false;
    try {
      const lag = async () => (await consumerLag(admin, stopping.groupId, stopping.topics)).reduce((sum, partition) => sum + partition.lag, 0);
      expect(await lag()).toBe(30); // applied, not committed yet
      await stopping.stop();
      stopped = true;
      expect(await lag()).toBe(0);
    } finally {
      if (!stopped) await stopping.stop();
      await admin.disconnect();
    }
  });

  it('reports lag, dead letters and parked events', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const status = await readEventsStatus({ db: dataSource, admin, consumer });
        expect(status.consumerLag?.length).toBe(3);
        expect(status.consumerLag?.every((partition) => partition.lag === 0)).toBe(true);
        expect(status).toMatchObject({ deadLetters: 2, parked: 3, lastErrors: { consumer: { message: expect.stringContaining('refuses') } } });
      });
    } finally {
      await admin.disconnect();
    }
  });
});
