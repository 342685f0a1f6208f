import type { DataSource } from 'typeorm';
import { listDeadLetters, topicOf } from '@asw/events';
import { createTestDatabase, eventually, produceRaw, testKafkaBrokers, uniqueSuffix } from '@asw/testing';
import { NetworkSwitch } from './network-switch';
import { applied, ensureTestTopics, openDataSource, publishThings, testConsumer, testKafka, testRelay, TestThingHandler, thingEnvelope } from './test-events';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pending = async (dataSource: DataSource) => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n as number;

/**
 * How fast the event flow heals and what it shows meanwhile (issue 18): the relay reports a broker
 * outage while it lasts and publishes again within about a second of the broker answering; the
 * consumer waits out a database blip instead of dead-lettering good events; states clear on recovery.
 */
describe('event flow heals fast and shows its state (real PostgreSQL and Kafka)', () => {
  let url: string;
  let dataSource: DataSource;
  let prefix: string;
  const stops: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    url = await createTestDatabase('events_recovery');
    dataSource = await openDataSource(url);
    prefix = `t${uniqueSuffix()}.`;
    await ensureTestTopics(testKafka(testKafkaBrokers()), prefix);
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await dataSource.destroy();
  });

  it('relay: reports the outage while it lasts and publishes again within 2 s of the broker answering', async () => {
    const network = await NetworkSwitch.create();
    // The production client settings (createKafka) and the production relay backoff: nothing tuned for the test.
    const kafka = testKafka(testKafkaBrokers(), { socketFactory: network.socketFactory });
    const relay = testRelay(dataSource, kafka, { initialBackoffMs: undefined, maxBackoffMs: undefined });
    await relay.start();
    stops.push(() => relay.stop());
    await publishThings(dataSource, prefix, 10);
    await eventually(async () => expect(await pending(dataSource)).toBe(0));
    expect(relay.status).toMatchObject({ state: 'publishing', error: null });

    network.down();
    const downAt = Date.now();
    await publishThings(dataSource, prefix, 50, { firstN: 10 });
    // Shown within seconds, not after kafkajs' own retries ran out tens of seconds later.
    await eventually(() => expect(relay.status.state).toBe('kafka-unreachable'), 10_000);
    const reportedAfterMs = Date.now() - downAt;
    expect(relay.status.error?.message).toBeTruthy();
    // The outage goes on: the relay keeps reporting it.
    await sleep(6000);
    expect(relay.status).toMatchObject({ state: 'kafka-unreachable', error: expect.objectContaining({ message: expect.any(String) }) });
    expect(relay.status.since.getTime()).toBeLessThanOrEqual(downAt + reportedAfterMs);
    expect(await pending(dataSource)).toBe(50);

    network.up();
    const upAt = Date.now();
    await eventually(async () => expect(await pending(dataSource)).toBe(0), 10_000, 25);
    const recoveredAfterMs = Date.now() - upAt;
    process.stdout.write(`relay: outage reported after ${reportedAfterMs} ms; published again ${recoveredAfterMs} ms after the broker answered\n`);
    expect(recoveredAfterMs).toBeLessThan(2000);
    // Recovered: the current error clears, the last one stays with its time.
    expect(relay.status).toMatchObject({ state: 'publishing', error: null });
    expect(relay.status.lastError?.at.getTime()).toBeGreaterThanOrEqual(downAt);
  }, 60_000);

  it('consumer: a database blip longer than the retries pauses the partition and dead-letters nothing; the state clears after', async () => {
    const kafka = testKafka(testKafkaBrokers());
    // The consumer's own connections, so the blip hits them and not the test's checks.
    const consumerDb = await openDataSource(`${url}${url.includes('?') ? '&' : '?'}application_name=blip_consumer`, 4);
    stops.push(() => consumerDb.destroy());
    // Two tries 10 ms apart: before this fix any failure lasting longer dead-lettered a good event.
    const consumer = testConsumer({
      kafka,
      dataSource: consumerDb,
      topicPrefix: prefix,
      handlers: [new TestThingHandler(30)],
      retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
      databaseRetry: { initialDelayMs: 50, maxDelayMs: 400 },
    });
    await consumer.start();
    stops.push(() => consumer.stop());
    const topic = topicOf('case', prefix);
    const warmup = thingEnvelope(0);
    await produceRaw(topic, [{ key: warmup.subject, value: JSON.stringify(warmup) }]);
    await eventually(async () => expect((await applied(dataSource)).ids.has(warmup.id)).toBe(true));

    // The blip: every connection of the consumer terminated as soon as it appears (57P01
    // admin_shutdown, "Connection terminated"), for 3 s, while events arrive.
    const events = Array.from({ length: 40 }, (_, n) => thingEnvelope(n + 1));
    let blipping = true;
    const states = new Set<string>();
    const blip = (async () => {
      while (blipping) {
        await dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'blip_consumer' AND pid <> pg_backend_pid()`);
        states.add(consumer.status.state);
        await sleep(10);
      }
    })();
    await produceRaw(topic, events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })));
    await sleep(3000);
    const during = consumer.status;
    blipping = false;
    await blip;

    expect(states).toContain('waiting-for-database');
    expect(during.state).toBe('waiting-for-database');
    expect(during.error?.message).toBeTruthy();
    await eventually(async () => expect((await applied(dataSource)).ids).toEqual(new Set([warmup.id, ...events.map((event) => event.id)])), 30_000);
    const { rows } = await applied(dataSource);
    expect(rows).toBe(41); // none applied twice
    expect(await listDeadLetters(dataSource)).toEqual([]);
    expect(consumer.counters.deadLettered).toBe(0);
    expect(consumer.counters.transientFailures).toBeGreaterThan(0);
    expect(consumer.status).toMatchObject({ state: 'consuming', error: null });
    // The blip is still on record, with its time, after recovery.
    expect(consumer.status.lastError?.at.getTime()).toBeGreaterThanOrEqual(during.error!.at.getTime());
    expect(consumer.status.lastError?.message).toMatch(/SQLSTATE 57P01|Connection terminated|connection error|already released/);
  }, 60_000);
});
