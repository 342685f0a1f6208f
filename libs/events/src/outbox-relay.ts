import type { DataSource } from 'typeorm';
import { Partitioners } from 'kafkajs';
import type { Kafka, Producer, RecordMetadata } from 'kafkajs';
import type { AppLogger } from '@asw/platform';
import { describeError, ErrorRecord } from './event-errors';
import { ComponentHealth, HealthTracker } from './component-health';
import type { EventPublisher } from './event-publisher';
import { contextOf, context, endFailed, eventTracer, Span, SpanKind, traceCarrierOf, trace, untraced } from './event-tracing';

interface OutboxRow {
  /** Null only in the one row that says the lock was held by another replica. */
  seq: string | null;
  locked: boolean;
  topic: string;
  message_key: string;
  /** The envelope as stored, as text: published as it is, never parsed here. */
  envelope: string;
  /** The envelope's trace context, when the writer was traced. */
  traceparent: string | null;
  tracestate: string | null;
}

export interface OutboxRelayOptions {
  /** This process's publisher: the relay wakes the moment a transaction that published commits. */
  wakeOn?: EventPublisher;
  /** Rows per transaction and Kafka request. */
  batchSize?: number;
  /** For rows committed by other processes (another replica, an operator tool): a slow poll. */
  fallbackPollMs?: number;
  /** While another replica holds the publishing lock, try again this often (it may stop any moment). */
  contendedRetryMs?: number;
  /**
   * After a failed batch the relay waits this long, doubling per failure up to maxBackoffMs (default
   * 1 s: after an outage the relay publishes again within about a second of the broker answering).
   */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Tries of one Kafka request (and of connecting) inside kafkajs before the batch counts as failed;
   * kept short (about 1.5 s in all), so kafkajs' retries never hide an outage from the relay's own
   * backoff and its status: the relay does the long-term retrying.
   */
  sendRetries?: number;
}

export type RelayState = 'starting' | 'publishing' | 'kafka-unreachable' | 'stopped';

/** Any constant shared by all replicas of one service; they contend for it per batch. */
const RELAY_LOCK_KEY = 7_226_341;

/**
 * Moves committed outbox rows to Kafka in commit order. Wakes when this process commits events (its
 * EventPublisher tells it) and polls slowly for rows other processes commit. One replica publishes at
 * a time (transaction-scoped advisory lock), so the order per key holds however many replicas run; rows are marked sent only after Kafka acked them
 * from all in-sync replicas, so a crash in between republishes (consumers dedupe by event id).
 *
 * When Kafka is unreachable the batch's transaction rolls back (rows stay pending, writers are not
 * affected), the producer is thrown away, and the relay backs off and tries again with a new one:
 * a kafkajs producer that gave up can keep failing, and an idempotent one can be left with
 * sequence numbers the broker no longer accepts.
 */
export class OutboxRelay {
  private producer?: Producer;
  private producerConnected = false;
  private pollTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private contendedTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  /** Failed batches in a row; 0 once publishing works again. */
  failures = 0;
  private readonly logger: AppLogger;
  /** Rows published since start, for metrics. */
  published = 0;
  private readonly health = new HealthTracker<RelayState>('starting');
  /** "topic/partition" of every message of the batch being sent, as the producer's partitioner chose them. */
  private readonly batchPartitions = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    logger: AppLogger,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = logger.child({ component: 'outbox-relay' });
  }

  /** Current state (with the failure behind it, cleared on recovery) and the last failure with its time. */
  get status(): ComponentHealth<RelayState> {
    return this.health.snapshot;
  }

  /** The most recent failure, also after recovery. */
  get lastError(): ErrorRecord | null {
    return this.health.snapshot.lastError;
  }

  async start(): Promise<void> {
    this.unsubscribe = this.options.wakeOn?.onCommitted(() => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.options.fallbackPollMs ?? 1000);
    this.wake();
  }

  /** Publishes everything pending now; resolves when the outbox was empty at some point after the call. */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  async pendingCount(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE sent_at IS NULL`);
    return count;
  }

  /** Finishes the in-flight batch (published and marked, or rolled back), then lets go of Kafka and PostgreSQL. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.health.healthy('stopped');
    this.unsubscribe?.();
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.contendedTimer);
    while (this.draining) await this.draining;
    await this.dropProducer();
  }

  private wake(): void {
    // While backing off after a failure, commit wake-ups and polls wait for the retry timer.
    if (this.stopped || this.retryTimer) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    try {
      // A batch smaller than batchSize took everything pending: events committed since then woke the
      // relay again (or the fallback poll finds them), so no second, empty transaction is needed.
      let published: number | 'contended';
      do published = await this.publishBatch(batchSize);
      while (!this.stopped && published === batchSize);
      if (published === 'contended') this.retryWhileContended();
      if (this.failures > 0) {
        const outageMs = Date.now() - this.health.snapshot.since.getTime();
        this.logger.info({ failures: this.failures, outageMs }, 'outbox relay publishing again');
      }
      this.failures = 0;
      if (!this.stopped) this.health.healthy('publishing');
    } catch (error) {
      this.failures++;
      const record = this.health.failing('kafka-unreachable', error);
      await this.dropProducer();
      const backoff = Math.min((this.options.initialBackoffMs ?? 100) * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 1000);
      this.logger.warn({ err: record.message, failures: this.failures, retryInMs: backoff }, 'outbox relay could not publish; will retry');
      this.again = false;
      if (!this.stopped) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.wake();
        }, backoff);
      }
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // kafkajs' own partitioner (murmur2 of the key), noting where each message goes: see checkAcknowledged.
        createPartitioner: () => {
          const partition = Partitioners.DefaultPartitioner();
          return (args) => {
            const chosen = partition(args);
            this.batchPartitions.add(`${args.topic}/${chosen}`);
            return chosen;
          };
        },
        // Bounded (kafkajs retries an idempotent producer forever by default): the relay does the
        // long-term retrying itself, with its transaction closed and a fresh producer.
        retry: { retries: this.options.sendRetries ?? 4, initialRetryTime: 100, maxRetryTime: 500 },
      });
      this.producerConnected = false;
    }
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.producerConnected = false;
    await producer?.disconnect().catch(() => undefined);
  }

  private retryWhileContended(): void {
    if (this.stopped || this.contendedTimer) return;
    this.contendedTimer = setTimeout(() => {
      this.contendedTimer = undefined;
      this.wake();
    }, this.options.contendedRetryMs ?? 100);
  }

  /**
   * Every partition the batch went to must have acknowledged it. kafkajs 2.2.4 can resolve a send
   * without writing some partitions: when a request to one broker fails and the partition's leader
   * moves to a broker that had already answered for other partitions, its retry skips that broker, so
   * those messages are never sent (seen in the soak run: a broker killed, 12 events marked sent, not
   * in Kafka). Throwing rolls the batch back; it is published again (the inbox skips what arrived).
   */
  private checkAcknowledged(acknowledged: RecordMetadata[]): void {
    const answered = new Set(acknowledged.filter((entry) => entry.errorCode === 0).map((entry) => `${entry.topicName}/${entry.partition}`));
    const missing = [...this.batchPartitions].filter((partition) => !answered.has(partition));
    if (missing.length > 0) throw new Error(`Kafka did not acknowledge partitions ${missing.join(', ')} of the batch; publishing it again`);
  }

  /** A producer span of the event's own trace (the context stored with it in the outbox), or none when it carries none. */
  private publishSpan(row: OutboxRow): Span | undefined {
    const parent = contextOf({ traceparent: row.traceparent ?? undefined, tracestate: row.tracestate ?? undefined });
    if (!parent) return undefined;
    return eventTracer().startSpan(
      `publish ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.operation.name': 'publish',
          'messaging.destination.name': row.topic,
          'asw.outbox.seq': String(row.seq),
        },
      },
      parent,
    );
  }

  /** Rows published, or 'contended' when another replica holds the publishing lock. */
  private async publishBatch(batchSize: number): Promise<number | 'contended'> {
    // Connect before opening the transaction: a broker outage must not hold row locks.
    const producer = await this.connectedProducer();
    return this.dataSource.transaction(async (manager) => {
      // The lock and the batch in one round trip: the batch is read only if the lock was granted
      // (the lateral subquery runs once per lock row, and not at all when `locked` is false).
      const rows: OutboxRow[] = await manager.query(
        `SELECT held.locked, pending.seq, pending.topic, pending.message_key, pending.envelope::text AS envelope,
                pending.envelope->>'traceparent' AS traceparent, pending.envelope->>'tracestate' AS tracestate
           FROM (SELECT pg_try_advisory_xact_lock($1) AS locked) held
           LEFT JOIN LATERAL (
             SELECT seq, topic, message_key, envelope FROM outbox
              WHERE held.locked AND sent_at IS NULL ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED
           ) pending ON true`,
        [RELAY_LOCK_KEY, batchSize],
      );
      if (!rows[0].locked) return 'contended';
      const batch = rows.filter((row) => row.seq !== null);
      if (batch.length === 0) return 0;
      const byTopic = new Map<string, { key: string; value: string; headers?: Record<string, string> }[]>();
      const spans: Span[] = [];
      for (const row of batch) {
        const messages = byTopic.get(row.topic) ?? [];
        const span = this.publishSpan(row);
        if (span) spans.push(span);
        // The publish span's context in the Kafka headers too: a consumer's kafkajs instrumentation continues from it.
        messages.push({ key: row.message_key, value: row.envelope, ...(span ? { headers: traceCarrierOf(trace.setSpan(context.active(), span)) as Record<string, string> } : {}) });
        byTopic.set(row.topic, messages);
      }
      this.batchPartitions.clear();
      try {
        // kafkajs' instrumentation would make one span per message of the batch, parented to nothing
        // (the relay runs in its own loop): the relay's publish spans above take their place.
        const acknowledged = await context.with(untraced(), () =>
          producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) }),
        );
        this.checkAcknowledged(acknowledged);
        await manager.query(`UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [batch.map((row) => row.seq)]);
      } catch (error) {
        for (const span of spans) endFailed(span, error);
        throw error;
      }
      for (const span of spans) span.end();
      this.published += batch.length;
      return batch.length;
    });
  }
}
