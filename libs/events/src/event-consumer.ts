import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage, Producer, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { AppLogger } from '@asw/platform';
import { eventCatalog } from './catalog';
import type { ConsumedMessage } from './consumed-message';
import { deadLetterMessage, recordDeadLetter } from './dead-letters';
import { deadLetterTopicOf, EventDefinition, knownVersions, topicOf } from './event-definition';
import { describeError, ErrorRecord } from './event-errors';
import { ApplicableEvent, applyEvents, EventHandler } from './inbox';
import { Disposition, dispositionOf, indexHandlers } from './message-disposition';
import { parkEvent } from './parked-events';

export interface HandlerRetryOptions {
  /** Tries of one event before it is dead-lettered. */
  maxAttempts: number;
  /** Delay before the second try; doubles each try, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_HANDLER_RETRY: HandlerRetryOptions = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 2000 };

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
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Item = { message: ConsumedMessage; disposition: Disposition };

/**
 * Reads the topics of the events it has handlers for and applies each event exactly once through
 * the inbox. Per fetched chunk of one partition: invalid messages are dead-lettered at once,
 * unreadable ones parked, and the rest applied in one transaction. If that transaction fails, the
 * chunk is applied again one event per transaction, each retried with backoff and dead-lettered
 * after the last try, so one poison event never holds up the events behind it. Offsets are
 * committed only after the database committed; a crash in between redelivers, and the inbox skips.
 * They are committed every second and on stop, off the fetch loop: kafkajs' own auto-commit would
 * put a broker round trip after every fetched batch before the next fetch.
 */
export class EventConsumer {
  readonly groupId: string;
  readonly topics: string[];
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, skipped: 0, parked: 0, deadLettered: 0, handlerFailures: 0 };
  lastError: ErrorRecord | null = null;

  private readonly handlers: Map<string, EventHandler>;
  private readonly known: Map<string, number>;
  private readonly retry: HandlerRetryOptions;
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
    this.logger = options.logger.child({ component: 'event-consumer' });
    this.groupId = `${prefix}${options.service}`;
    this.topics = [...new Set(options.handlers.map((handler) => topicOf(handler.event.producer, prefix)))];
  }

  get deadLetterTopics(): string[] {
    return this.topics.map(deadLetterTopicOf);
  }

  async start(): Promise<void> {
    if (this.topics.length === 0) return;
    const { kafka } = this.options;
    this.dlqProducer = kafka.producer({ allowAutoTopicCreation: false });
    await this.dlqProducer.connect();
    this.consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, ...this.options.group });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.recordError(`consumer crashed: ${describeError(payload.error)}`);
      this.logger.error({ err: describeError(payload.error), restart: payload.restart }, 'kafka consumer crashed');
    });
    // After a rebalance, offsets of partitions this member no longer owns are the new owner's business.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
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

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 500;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const items = chunk.map((message) => this.itemOf(batch.topic, batch.partition, message));
      await this.processChunk(items, heartbeat);
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
    return { message: consumed, disposition: dispositionOf(message.value, this.handlers, this.known) };
  }

  private async processChunk(items: Item[], heartbeat: () => Promise<void>): Promise<void> {
    for (const { message, disposition } of items) {
      if (disposition.kind === 'reject') await this.deadLetter(message, disposition.envelope, disposition.error, 1);
      if (disposition.kind === 'skip') this.counters.skipped++;
    }
    const toPark = items.filter((item) => item.disposition.kind === 'park');
    const toApply = items.filter((item) => item.disposition.kind === 'apply');
    if (toPark.length === 0 && toApply.length === 0) return;
    try {
      const result = await this.options.dataSource.transaction(async (manager) => {
        for (const item of toPark) await this.park(manager, item);
        return applyEvents(manager, toApply.map((item) => item.disposition as ApplicableEvent));
      });
      this.counted(result, toPark.length);
    } catch (error) {
      this.logger.warn({ err: describeError(error), events: toApply.length }, 'batch could not be applied; applying its events one by one');
      for (const item of toPark) await this.park(this.options.dataSource.manager, item);
      this.counters.parked += toPark.length;
      for (const item of toApply) {
        await this.applyWithRetries(item);
        await heartbeat();
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

  private async applyWithRetries({ message, disposition }: Item): Promise<void> {
    const event = disposition as ApplicableEvent;
    let failure: unknown;
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(this.retry.initialDelayMs * 2 ** (attempt - 2), this.retry.maxDelayMs));
      try {
        this.counted(await this.options.dataSource.transaction((manager) => applyEvents(manager, [event])), 0);
        return;
      } catch (error) {
        failure = error;
        this.counters.handlerFailures++;
        this.logger.warn({ ...where(message), eventId: event.envelope.id, type: event.envelope.type, attempt, err: describeError(error) }, 'event handler failed');
      }
    }
    await this.deadLetter(message, event.envelope, describeError(failure), this.retry.maxAttempts);
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
    this.recordError(error);
    this.logger.error({ ...where(message), eventId: envelope?.id, type: envelope?.type, attempts, err: error }, 'event dead-lettered');
  }

  private recordError(message: string): void {
    this.lastError = { message, at: new Date() };
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
