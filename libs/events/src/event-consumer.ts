import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage, Producer, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { AppLogger } from '@asw/platform';
import { eventCatalog } from './catalog';
import type { ConsumedMessage } from './consumed-message';
import { deadLetterMessage, recordDeadLetter } from './dead-letters';
import { deadLetterTopicOf, EventDefinition, knownVersions, topicOf } from './event-definition';
import { describeError, ErrorRecord } from './event-errors';
import { ComponentHealth, HealthTracker } from './component-health';
import { failureKindOf } from './failure-kind';
import { ApplicableEvent, applyEvents, EventHandler } from './inbox';
import { Disposition, dispositionOf, indexHandlers } from './message-disposition';
import { parkEvent } from './parked-events';
import { Context, context, contextOf, endFailed, eventTracer, headerCarrier, Span, SpanKind, trace } from './event-tracing';

export interface HandlerRetryOptions {
  /** Tries of one event before it is dead-lettered. */
  maxAttempts: number;
  /** Delay before the second try; doubles each try, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_HANDLER_RETRY: HandlerRetryOptions = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 2000 };

/** While the database is unreachable: wait this long before trying again, doubling up to maxDelayMs; never give up. */
export interface DatabaseRetryOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DATABASE_RETRY: DatabaseRetryOptions = { initialDelayMs: 100, maxDelayMs: 2000 };

export type ConsumerState = 'starting' | 'consuming' | 'waiting-for-database' | 'crashed' | 'stopped';

/** Thrown out of a batch that was waiting for the database when the consumer stops or loses the partition: nothing is resolved, the next owner gets it again. */
class StopWaiting extends Error {}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  logger: AppLogger;
  /** The consuming service: its consumer group, and the name dead letters carry. */
  service: string;
  handlers: EventHandler[];
  topicPrefix?: string;
  /** Event types known besides the handled ones (default the production catalog); unknown ones are parked. */
  catalog?: readonly EventDefinition<any>[];
  retry?: Partial<HandlerRetryOptions>;
  /** Transient database failures (see failureKindOf) are retried with this backoff until the database is back, never dead-lettered. */
  databaseRetry?: Partial<DatabaseRetryOptions>;
  /** Messages per database transaction; a long fetch is applied in chunks of this size. */
  chunkSize?: number;
  /** How often applied offsets are committed to Kafka (default 1000 ms): a crash redelivers about this much, which the inbox skips. */
  commitIntervalMs?: number;
  /** Group-membership timings; tests shorten them so a killed member is replaced quickly. */
  group?: Pick<ConsumerConfig, 'sessionTimeout' | 'rebalanceTimeout' | 'heartbeatInterval' | 'maxWaitTimeInMs'>;
}

/** In-process counters since start, for metrics. */
export interface ConsumerCounters {
  applied: number;
  duplicates: number;
  skipped: number;
  parked: number;
  deadLettered: number;
  handlerFailures: number;
  /** Tries that failed because the database was unreachable or busy (retried, never dead-lettered). */
  transientFailures: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `trace`: the context the event's apply continues (the relay's publish span from the Kafka headers, else the envelope's own). */
type Item = { message: ConsumedMessage; disposition: Disposition; trace?: Context };

/** What a batch needs to wait for the database without losing its partition. */
interface BatchControl {
  heartbeat: () => Promise<void>;
  pause: () => () => void;
  isRunning: () => boolean;
  isStale: () => boolean;
}

/**
 * Reads the topics of the events it has handlers for and applies each event exactly once through
 * the inbox. Per fetched chunk of one partition: invalid messages are dead-lettered at once,
 * unreadable ones parked, and the rest applied in one transaction. If that transaction fails, the
 * chunk is applied again one event per transaction, each retried with backoff and dead-lettered
 * after the last try, so one poison event never holds up the events behind it. A failure of the
 * database itself (connection refused, too many connections, lock or statement timeout,
 * serialization failure, shutdown: see failureKindOf) is no fault of the event: the partition is
 * paused and the same work retried with backoff, heartbeating, until the database answers, so a
 * blip never dead-letters a good event. Offsets are
 * committed only after the database committed; a crash in between redelivers, and the inbox skips.
 * They are committed every second and on stop, off the fetch loop: kafkajs' own auto-commit would
 * put a broker round trip after every fetched batch before the next fetch.
 */
export class EventConsumer {
  readonly groupId: string;
  readonly topics: string[];
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, skipped: 0, parked: 0, deadLettered: 0, handlerFailures: 0, transientFailures: 0 };
  private readonly health = new HealthTracker<ConsumerState>('starting');

  private readonly handlers: Map<string, EventHandler>;
  private readonly known: Map<string, number>;
  private readonly retry: HandlerRetryOptions;
  private readonly databaseRetry: DatabaseRetryOptions;
  /** Partitions currently waiting for the database. */
  private readonly waiting = new Set<string>();
  private readonly logger: AppLogger;
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  /** Next offset per topic-partition, applied (database committed) but not yet committed to Kafka. */
  private readonly uncommitted = new Map<string, TopicPartitionOffsetAndMetadata>();
  private commitTimer?: NodeJS.Timeout;

  constructor(private readonly options: EventConsumerOptions) {
    const prefix = options.topicPrefix ?? '';
    this.handlers = indexHandlers(options.handlers);
    this.known = knownVersions([...(options.catalog ?? eventCatalog), ...options.handlers.map((handler) => handler.event)]);
    this.retry = { ...DEFAULT_HANDLER_RETRY, ...options.retry };
    this.databaseRetry = { ...DEFAULT_DATABASE_RETRY, ...options.databaseRetry };
    this.logger = options.logger.child({ component: 'event-consumer' });
    this.groupId = `${prefix}${options.service}`;
    this.topics = [...new Set(options.handlers.map((handler) => topicOf(handler.event.producer, prefix)))];
  }

  /** Current state (with the failure behind it, cleared on recovery) and the last failure with its time. */
  get status(): ComponentHealth<ConsumerState> {
    return this.health.snapshot;
  }

  /** The most recent failure, also after recovery. */
  get lastError(): ErrorRecord | null {
    return this.health.snapshot.lastError;
  }

  get deadLetterTopics(): string[] {
    return this.topics.map(deadLetterTopicOf);
  }

  /** Joins the group and starts consuming; if that fails, lets go of what it connected and throws (call again to retry). */
  async start(): Promise<void> {
    if (this.topics.length === 0) return;
    try {
      await this.connectAndRun();
    } catch (error) {
      this.health.failing('starting', error, 'consumer could not start: ');
      const [consumer, producer] = [this.consumer, this.dlqProducer];
      this.consumer = undefined;
      this.dlqProducer = undefined;
      await consumer?.disconnect().catch(() => undefined);
      await producer?.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async connectAndRun(): Promise<void> {
    const { kafka } = this.options;
    this.dlqProducer = kafka.producer({ allowAutoTopicCreation: false });
    await this.dlqProducer.connect();
    this.consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, ...this.options.group });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.health.failing('crashed', payload.error, 'consumer crashed: ');
      this.logger.error({ err: describeError(payload.error), restart: payload.restart }, 'kafka consumer crashed');
    });
    // After a rebalance, offsets of partitions this member no longer owns are the new owner's business.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      if (this.waiting.size === 0) this.health.healthy('consuming');
      for (const [key, { topic, partition }] of this.uncommitted) {
        if (!payload.memberAssignment[topic]?.includes(partition)) this.uncommitted.delete(key);
      }
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: false,
      // Partitions are independent (one client's events share one), so apply them side by side.
      partitionsConsumedConcurrently: 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.commitTimer = setInterval(() => void this.commitApplied((offsets) => this.consumer!.commitOffsets(offsets)), this.options.commitIntervalMs ?? 1000);
  }

  /** Lets the in-flight chunk finish and commits the offsets of everything applied; unprocessed messages are redelivered to the next owner. */
  async stop(): Promise<void> {
    this.health.healthy('stopped');
    clearInterval(this.commitTimer);
    // Applied while idle since the last periodic commit (a chunk in flight commits its own as it stops).
    if (this.consumer) await this.commitApplied((offsets) => this.consumer!.commitOffsets(offsets));
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
  }

  /** Commits the applied offsets not yet committed; on failure they stay for the next try (committing late only redelivers). */
  private async commitApplied(commit: (offsets: TopicPartitionOffsetAndMetadata[]) => Promise<unknown>): Promise<void> {
    if (this.uncommitted.size === 0) return;
    const offsets = [...this.uncommitted];
    this.uncommitted.clear();
    try {
      await commit(offsets.map(([, offset]) => offset));
    } catch (error) {
      for (const [key, offset] of offsets) if (!this.uncommitted.has(key)) this.uncommitted.set(key, offset);
      this.logger.warn({ err: describeError(error) }, 'could not commit consumer offsets; will retry');
    }
  }

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 500;
    const control: BatchControl = { heartbeat, pause, isRunning, isStale };
    const partitionKey = `${batch.topic}|${batch.partition}`;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const items = chunk.map((message) => this.itemOf(batch.topic, batch.partition, message));
      try {
        await this.processChunk(items, control, partitionKey);
      } catch (error) {
        if (error instanceof StopWaiting) break;
        throw error;
      }
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      this.uncommitted.set(`${batch.topic}|${batch.partition}`, { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() });
      await heartbeat();
    }
    // Stopping: commit now, while this member still belongs to the group (the periodic commit has stopped).
    if (!isRunning()) await this.commitApplied((offsets) => commitOffsetsIfNecessary({ topics: byTopic(offsets) }));
  }

  private itemOf(topic: string, partition: number, message: KafkaMessage): Item {
    const consumed: ConsumedMessage = { topic, partition, offset: message.offset, key: message.key, value: message.value };
    const disposition = dispositionOf(message.value, this.handlers, this.known);
    if (disposition.kind !== 'apply') return { message: consumed, disposition };
    const parent = contextOf(headerCarrier(message.headers)) ?? contextOf(disposition.envelope);
    return { message: consumed, disposition, trace: parent };
  }

  /** A consumer span of the event's own trace (no span when the event carries no trace context). */
  private applySpan(item: Item): Span | undefined {
    if (!item.trace || item.disposition.kind !== 'apply') return undefined;
    const { envelope } = item.disposition;
    const active = trace.getSpanContext(context.active());
    return eventTracer().startSpan(
      `apply ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.operation.name': 'apply',
          'messaging.destination.name': item.message.topic,
          'messaging.destination.partition.id': String(item.message.partition),
          'messaging.kafka.offset': Number(item.message.offset),
          'messaging.message.id': envelope.id,
          'messaging.consumer.group.name': this.options.service,
          'asw.event.type': envelope.type,
          'asw.event.version': envelope.version,
        },
        // The batch kafkajs' instrumentation is processing, when it is traced.
        links: active ? [{ context: active }] : [],
      },
      item.trace,
    );
  }

  private async processChunk(items: Item[], control: BatchControl, partitionKey: string): Promise<void> {
    const untilUp = <T>(work: () => Promise<T>) => this.untilDatabaseAnswers(work, control, partitionKey);
    for (const { message, disposition } of items) {
      if (disposition.kind === 'reject') await untilUp(() => this.deadLetter(message, disposition.envelope, disposition.error, 1));
      if (disposition.kind === 'skip') this.counters.skipped++;
    }
    const toPark = items.filter((item) => item.disposition.kind === 'park');
    const toApply = items.filter((item) => item.disposition.kind === 'apply');
    if (toPark.length === 0 && toApply.length === 0) return;
    const spans = new Map<Item, Span>();
    for (const item of toApply) {
      const span = this.applySpan(item);
      if (span) spans.set(item, span);
    }
    try {
      await this.applyChunk(toPark, toApply, spans, untilUp, control);
      for (const span of spans.values()) span.end();
    } catch (error) {
      for (const span of spans.values()) endFailed(span, error);
      throw error;
    }
  }

  private async applyChunk(
    toPark: Item[],
    toApply: Item[],
    spans: Map<Item, Span>,
    untilUp: <T>(work: () => Promise<T>) => Promise<T>,
    control: BatchControl,
  ): Promise<void> {
    // One event (the usual case when traffic is light): its SQL is part of its trace.
    const single = toApply.length === 1 ? spans.get(toApply[0]) : undefined;
    const chunkContext = single ? trace.setSpan(context.active(), single) : context.active();
    const whole = await context.with(chunkContext, () => untilUp(async () => {
      try {
        return await this.options.dataSource.transaction(async (manager) => {
          for (const item of toPark) await this.park(manager, item);
          return applyEvents(manager, toApply.map((item) => item.disposition as ApplicableEvent));
        });
      } catch (error) {
        // The database's own failure: wait and try the whole chunk again. An event's failure: one by one.
        if (failureKindOf(error) === 'transient') throw error;
        this.logger.warn({ err: describeError(error), events: toApply.length }, 'batch could not be applied; applying its events one by one');
        return null;
      }
    }));
    if (whole) {
      this.counted(whole, toPark.length);
      return;
    }
    for (const item of toPark) await untilUp(() => this.park(this.options.dataSource.manager, item));
    this.counters.parked += toPark.length;
    for (const item of toApply) {
      const span = spans.get(item);
      await context.with(span ? trace.setSpan(context.active(), span) : context.active(), () => this.applyWithRetries(item, untilUp, span));
      await control.heartbeat();
    }
  }

  /**
   * Runs `work`; while it fails because the database is unreachable or busy, pauses the partition
   * (no more fetches for it), heartbeats so the group keeps it here, and tries again with backoff
   * until it succeeds. Any other failure is thrown. Stops waiting (StopWaiting) when the consumer
   * stops or the partition moved to another member, leaving the work for whoever consumes next.
   */
  private async untilDatabaseAnswers<T>(work: () => Promise<T>, control: BatchControl, partitionKey: string): Promise<T> {
    let resume: (() => void) | undefined;
    for (let failures = 0; ; failures++) {
      try {
        const result = await work();
        if (resume) {
          resume();
          this.waiting.delete(partitionKey);
          if (this.waiting.size === 0) this.health.healthy('consuming');
          this.logger.info({ partition: partitionKey, failures }, 'database answers again; consuming');
        }
        return result;
      } catch (error) {
        if (failureKindOf(error) !== 'transient') throw error;
        this.counters.transientFailures++;
        const record = this.health.failing('waiting-for-database', error);
        if (!resume) {
          resume = control.pause();
          this.waiting.add(partitionKey);
        }
        const delay = Math.min(this.databaseRetry.initialDelayMs * 2 ** Math.min(failures, 20), this.databaseRetry.maxDelayMs);
        this.logger.warn({ partition: partitionKey, err: record.message, failures: failures + 1, retryInMs: delay }, 'database unavailable; partition paused, will retry');
        await sleep(delay);
        if (!control.isRunning() || control.isStale()) {
          this.waiting.delete(partitionKey);
          resume();
          throw new StopWaiting('stopped while waiting for the database');
        }
        try {
          await control.heartbeat();
        } catch (rebalancing) {
          // The group is rebalancing: leave the batch (nothing past the applied offsets is resolved) so
          // kafkajs rejoins; never leave the partition paused for whoever owns it next.
          this.waiting.delete(partitionKey);
          resume();
          throw rebalancing;
        }
      }
    }
  }

  private async park(manager: DataSource['manager'], { message, disposition }: Item): Promise<void> {
    if (disposition.kind !== 'park') return;
    await parkEvent(manager, message, disposition.envelope, disposition.reason);
    this.logger.warn({ ...where(message), eventId: disposition.envelope.id, type: disposition.envelope.type, version: disposition.envelope.version, reason: disposition.reason }, 'event parked');
  }

  private counted(result: { applied: number; duplicates: number }, parked: number): void {
    this.counters.applied += result.applied;
    this.counters.duplicates += result.duplicates;
    this.counters.parked += parked;
  }

  /** Tries of the event itself count toward maxAttempts; a try the database refused is waited out and does not count. */
  private async applyWithRetries({ message, disposition }: Item, untilUp: <T>(work: () => Promise<T>) => Promise<T>, span?: Span): Promise<void> {
    const event = disposition as ApplicableEvent;
    let failure: unknown;
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(this.retry.initialDelayMs * 2 ** (attempt - 2), this.retry.maxDelayMs));
      try {
        this.counted(await untilUp(() => this.options.dataSource.transaction((manager) => applyEvents(manager, [event]))), 0);
        return;
      } catch (error) {
        if (error instanceof StopWaiting) throw error;
        failure = error;
        this.counters.handlerFailures++;
        this.logger.warn({ ...where(message), eventId: event.envelope.id, type: event.envelope.type, attempt, err: describeError(error) }, 'event handler failed');
      }
    }
    span?.setStatus({ code: 2, message: 'dead-lettered' });
    span?.setAttribute('asw.event.dead_lettered', true);
    await untilUp(() => this.deadLetter(message, event.envelope, describeError(failure), this.retry.maxAttempts));
  }

  /**
   * Database first, then the DLQ topic: if either fails the chunk throws, is redelivered and fails
   * over again, so the dead letter ends up in both (the table dedupes by Kafka offset).
   */
  private async deadLetter(message: ConsumedMessage, envelope: { id: string; type: string; version: number } | null, error: string, attempts: number): Promise<void> {
    const failedAt = new Date();
    await recordDeadLetter(this.options.dataSource, message, envelope, error, attempts, failedAt);
    await this.dlqProducer!.send({
      topic: deadLetterTopicOf(message.topic),
      acks: -1,
      messages: [{ key: message.key, value: JSON.stringify(deadLetterMessage(this.options.service, message, error, attempts, failedAt)) }],
    });
    this.counters.deadLettered++;
    this.health.noted(error);
    this.logger.error({ ...where(message), eventId: envelope?.id, type: envelope?.type, attempts, err: error }, 'event dead-lettered');
  }

}

function byTopic(offsets: TopicPartitionOffsetAndMetadata[]): Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }> {
  const topics = new Map<string, Array<{ partition: number; offset: string }>>();
  for (const { topic, partition, offset } of offsets) topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}

function where(message: ConsumedMessage) {
  return { topic: message.topic, partition: message.partition, offset: message.offset };
}
