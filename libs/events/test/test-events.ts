import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaConfig } from 'kafkajs';
import { z } from 'zod';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import {
  createKafka,
  defineEvent,
  ensureTopics,
  EventConsumer,
  EventConsumerOptions,
  EventEnvelope,
  EventHandler,
  EventPublisher,
  EVENT_MIGRATIONS,
  keepConnectionErrorsHandled,
  OutboxRelay,
  OutboxRelayOptions,
  PayloadOf,
  topicOf,
} from '@asw/events';
import { createLogger } from '@asw/platform';

/**
 * Test-only events, handler and tables: the reliability tests exercise the real machinery with them,
 * never with the production catalog. Also loaded by the child-process fixtures, so no jest imports here.
 */

/** Produced (in tests) by `case`, so it travels on `<prefix>case.events`. */
export const ThingHappened = defineEvent({
  type: 'TestThingHappened',
  version: 1,
  producer: 'case',
  payload: z.object({ clientId: z.string().uuid(), n: z.number().int() }),
});
type Thing = PayloadOf<typeof ThingHappened>;

/** Known to the test catalog but handled by nobody here: consumers skip it. */
export const OtherThingHappened = defineEvent({
  type: 'TestOtherThingHappened',
  version: 1,
  producer: 'case',
  payload: z.object({ clientId: z.string().uuid() }),
});

export const testCatalog = [ThingHappened, OtherThingHappened];

/**
 * Records every application in `test_applied`, deliberately without a unique key: an event applied
 * twice shows up as two rows. Its behaviour is switchable, for poison-message tests.
 */
export class TestThingHandler implements EventHandler<Thing> {
  readonly event = ThingHappened;
  /** Payload numbers this handler throws on, every time, until removed ("the fix"). */
  readonly failingOn = new Set<number>();
  calls = 0;

  constructor(private readonly delayMs = 0) {}

  async handle(manager: EntityManager, event: EventEnvelope<Thing>): Promise<void> {
    this.calls++;
    if (this.failingOn.has(event.payload.n)) throw new Error(`test handler refuses n=${event.payload.n}`);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await manager.query(`INSERT INTO test_applied (event_id, client_id, n) VALUES ($1, $2, $3)`, [event.id, event.payload.clientId, event.payload.n]);
  }
}

class TestTables1763800009999 implements MigrationInterface {
  name = 'TestTables1763800009999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE test_applied (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, client_id uuid NOT NULL, n integer NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE test_applied`);
  }
}

export const testLogger = () => createLogger('events-test', process.env.LOG_LEVEL ?? 'silent');

export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...EVENT_MIGRATIONS, TestTables1763800009999],
    migrationsRun: true,
    extra: { max: poolSize },
  });
  await dataSource.initialize();
  keepConnectionErrorsHandled(dataSource);
  return dataSource;
}

export function testKafka(brokers: string[], overrides: Partial<KafkaConfig> = {}): Kafka {
  return createKafka('events-test', brokers, testLogger(), overrides);
}

/** The consuming side of the tests: the test handler on the test topics, with fast retries and group timings. */
export function testConsumer(options: Pick<EventConsumerOptions, 'kafka' | 'dataSource' | 'topicPrefix'> & Partial<EventConsumerOptions>): EventConsumer {
  return new EventConsumer({
    logger: testLogger(),
    service: 'events-test',
    handlers: [new TestThingHandler()],
    catalog: testCatalog,
    retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
    group: { sessionTimeout: 6000, rebalanceTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200 },
    ...options,
  });
}

export function testRelay(dataSource: DataSource, kafka: Kafka, options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
  return new OutboxRelay(dataSource, kafka, testLogger(), { fallbackPollMs: 500, initialBackoffMs: 100, maxBackoffMs: 1000, ...options });
}

export async function ensureTestTopics(kafka: Kafka, prefix: string): Promise<void> {
  const topic = topicOf('case', prefix);
  await ensureTopics(kafka, [topic, `${topic}.dlq`]);
}

/** Commits `count` events, `perTransaction` to a transaction, through the outbox; returns their ids in order. */
export async function publishThings(
  dataSource: DataSource,
  prefix: string,
  count: number,
  options: { perTransaction?: number; firstN?: number; clients?: string[]; publisher?: EventPublisher } = {},
): Promise<string[]> {
  const publisher = options.publisher ?? new EventPublisher('case', prefix);
  const clients = options.clients ?? Array.from({ length: 8 }, () => randomUUID());
  const perTransaction = options.perTransaction ?? 1;
  const ids: string[] = [];
  for (let start = 0; start < count; start += perTransaction) {
    await dataSource.transaction(async (manager) => {
      for (let i = start; i < Math.min(count, start + perTransaction); i++) {
        const n = (options.firstN ?? 0) + i;
        const clientId = clients[n % clients.length];
        const envelope = await publisher.publish(manager, ThingHappened, { clientId, n }, { subject: clientId, correlationId: randomUUID() });
        ids.push(envelope.id);
      }
    });
  }
  return ids;
}

/** How often each event was applied: `rows` counts applications, `ids` distinct events. */
export async function applied(dataSource: DataSource): Promise<{ rows: number; ids: Set<string> }> {
  const rows: Array<{ event_id: string }> = await dataSource.query(`SELECT event_id FROM test_applied`);
  return { rows: rows.length, ids: new Set(rows.map((row) => row.event_id)) };
}

export function thingEnvelope(n: number, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const clientId = randomUUID();
  return {
    id: randomUUID(),
    type: ThingHappened.type,
    version: ThingHappened.version,
    occurredAt: new Date().toISOString(),
    producer: 'case',
    correlationId: randomUUID(),
    subject: clientId,
    payload: { clientId, n },
    ...overrides,
  };
}

export interface RawMessage {
  key: string | null;
  value: string;
  partition: number;
  offset: string;
}

/** Reads a topic from the beginning as an outside observer (any bytes, not only envelopes). */
export async function readTopic(kafka: Kafka, topic: string): Promise<{ messages: RawMessage[]; stop(): Promise<void> }> {
  const consumer = kafka.consumer({ groupId: `observer-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const messages: RawMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', partition, offset: message.offset });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

/** What the consumer side did with the events committed: the three numbers the reliability tests hold at 0. */
export interface DeliveryReport {
  committed: number;
  /** Committed, never applied. */
  lost: number;
  /** Applications beyond the first of an event. */
  duplicated: number;
  /** Events applied after a later event of the same client (writers commit each client's n ascending). */
  outOfOrder: number;
}

export async function deliveryReport(dataSource: DataSource, committed: Iterable<string>): Promise<DeliveryReport> {
  const rows: Array<{ event_id: string; client_id: string; n: number }> = await dataSource.query(`SELECT event_id, client_id, n FROM test_applied ORDER BY seq`);
  const times = new Map<string, number>();
  const lastN = new Map<string, number>();
  let duplicated = 0;
  let outOfOrder = 0;
  for (const row of rows) {
    const seen = times.get(row.event_id) ?? 0;
    times.set(row.event_id, seen + 1);
    if (seen > 0) {
      duplicated++;
      continue;
    }
    if (row.n < (lastN.get(row.client_id) ?? -1)) outOfOrder++;
    lastN.set(row.client_id, Math.max(row.n, lastN.get(row.client_id) ?? -1));
  }
  const ids = [...committed];
  return { committed: ids.length, lost: ids.filter((id) => !times.has(id)).length, duplicated, outOfOrder };
}

/**
 * Writers committing events continuously through the outbox, one per transaction, until stopped: each
 * writer has its own clients and numbers each client's events ascending, so order per client can be
 * checked at the consumer. A commit that fails (e.g. the database restarting) is retried; `committed`
 * holds only what committed.
 */
export function startWriters(
  dataSource: DataSource,
  prefix: string,
  options: { writers: number; clientsPerWriter: number; pauseMs: number; publisher?: EventPublisher; firstWriter?: number },
): { committed: string[]; stop(): Promise<void> } {
  const committed: string[] = [];
  let running = true;
  const loops = Array.from({ length: options.writers }, async (_, index) => {
    const writer = (options.firstWriter ?? 0) + index;
    const clients = Array.from({ length: options.clientsPerWriter }, () => randomUUID());
    for (let i = 0; running; i++) {
      const n = writer * 1_000_000 + i;
      try {
        committed.push(...(await publishThings(dataSource, prefix, 1, { firstN: n, clients: [clients[i % clients.length]], publisher: options.publisher })));
      } catch {
        i--; // not committed: the same number again
      }
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  });
  return {
    committed,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
