import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Admin, Kafka } from 'kafkajs';
import {
  createKafka,
  describeError,
  ensureTopics,
  EventConsumer,
  EventHandler,
  EventPublisher,
  EventsConfig,
  eventsConfigSchema,
  EventsStatus,
  keepConnectionErrorsHandled,
  OutboxRelay,
  pruneEventTables,
  readEventsStatus,
  registerEventMetrics,
  retentionOf,
  topicOf,
} from '@asw/events';
import { AppLogger, AppMetrics, loadConfig, ServiceConfig } from '@asw/platform';
import { CaseRelationshipsChangedHandler } from './relationships/case-relationships';
import { ClientAccessJustifiedHandler } from './justified-access/justified-access';
import type { SubgraphDefinition } from './subgraph-definition';
import { APP_METRICS, LOGGER, SERVICE_CONFIG, SUBGRAPH_DEFINITION } from './tokens';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A probe that gives up after `timeoutMs` (a Kafka client retrying an unreachable broker takes its time). */
export async function withTimeout<T>(probe: () => Promise<T>, timeoutMs = 2000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a service's event machinery: the outbox relay, the consumer of the events it has handlers
 * for, and the housekeeping of the event tables. Checks its topics at start when Kafka answers, then
 * joins the consumer group in the background: the subgraph listens and serves without waiting for
 * the join (seconds under load), and starts also while Kafka is down, joining when it answers (writes
 * wait in the outbox meanwhile; readiness shows the relay and consumer state). Before the app goes
 * down, the consumer finishes its in-flight messages and commits, and the relay finishes its batch.
 */
@Injectable()
export class EventsRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly kafka: Kafka;
  readonly service: string;
  readonly eventsConfig: EventsConfig;
  relay!: OutboxRelay;
  consumer!: EventConsumer;
  private admin?: Promise<Admin>;
  private housekeepingTimer?: NodeJS.Timeout;
  private joining?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SUBGRAPH_DEFINITION) private readonly definition: SubgraphDefinition,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly publisher: EventPublisher,
    @Inject(APP_METRICS) metrics: AppMetrics,
  ) {
    this.service = definition.name;
    // A PostgreSQL restart must not crash the process through an unhandled client 'error' event.
    keepConnectionErrorsHandled(dataSource);
    this.kafka = createKafka(definition.name, config.KAFKA_BROKERS, logger);
    this.eventsConfig = loadConfig(eventsConfigSchema);
    registerEventMetrics(metrics, {
      status: () => withTimeout(() => this.status(), 5_000),
      kafkaUp: () => withTimeout(() => this.checkKafka()).then(() => true, () => false),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = (this.definition.eventHandlers ?? []).map((type) => this.moduleRef.get<EventHandler>(type, { strict: false }));
    // Who works on which case: case records it itself; every other service keeps it from case's events.
    if (!this.definition.ownsClient) handlers.push(new CaseRelationshipsChangedHandler(), new ClientAccessJustifiedHandler());
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    const events = this.eventsConfig;
    this.consumer = new EventConsumer({
      kafka: this.kafka,
      dataSource: this.dataSource,
      logger: this.logger,
      service: this.definition.name,
      handlers,
      topicPrefix: prefix,
      retry: {
        maxAttempts: events.EVENTS_HANDLER_MAX_ATTEMPTS,
        initialDelayMs: events.EVENTS_HANDLER_RETRY_DELAY_MS,
        maxDelayMs: events.EVENTS_HANDLER_RETRY_MAX_DELAY_MS,
      },
    });
    this.relay = new OutboxRelay(this.dataSource, this.kafka, this.logger, {
      wakeOn: this.publisher,
      batchSize: events.EVENTS_RELAY_BATCH_SIZE,
      fallbackPollMs: events.EVENTS_RELAY_FALLBACK_POLL_MS,
    });
    const topics = [topicOf(this.definition.name, prefix), ...this.consumer.topics, ...this.consumer.deadLetterTopics];
    // Topics first when Kafka answers (quick; whoever reads them may start once the app is ready);
    // the group join, or everything while Kafka is down, in the background.
    const topicsReady = await ensureTopics(this.kafka, topics, 3, 5_000).then(
      () => true,
      (error: unknown) => {
        this.logger.warn({ err: describeError(error) }, 'Kafka topics not ready at start; starting without Kafka, will retry');
        return false;
      },
    );
    this.joining = this.joinKafka(topicsReady ? [] : topics);
    this.housekeepingTimer = setInterval(() => void this.housekeep(), events.EVENTS_HOUSEKEEPING_INTERVAL_MINUTES * 60_000);
    this.housekeepingTimer.unref();
  }

  /** Until it succeeds or the app stops: topics checked, then the relay and the consumer started. */
  private async joinKafka(topics: string[]): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; !this.stopping && topics.length > 0; attempt++) {
      try {
        await ensureTopics(this.kafka, topics, 3, 5_000);
        break;
      } catch (error) {
        this.logger.warn({ err: describeError(error), attempt }, 'Kafka topics not ready; will retry');
        await sleep(Math.min(500 * attempt, 5_000));
      }
    }
    if (this.stopping) return;
    await this.relay.start();
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.consumer.start();
        this.logger.info({ joinedInMs: Date.now() - started }, 'event relay and consumer running');
        return;
      } catch (error) {
        this.logger.warn({ err: describeError(error), attempt }, 'event consumer could not start; will retry');
        await sleep(Math.min(500 * attempt, 5_000));
      }
    }
  }

  /** Outbox backlog, consumer lag, dead letters, parked events and last errors: for readiness and /metrics. */
  async status(): Promise<EventsStatus> {
    // Kafka down: the counts from the database still show (the outbox growing), without lag.
    const admin = await withTimeout(() => this.connectedAdmin(), 1_500).catch(() => undefined);
    const status = await readEventsStatus({ db: this.dataSource, admin, relay: this.relay, consumer: this.consumer });
    if (status.lastErrors.lag) this.dropAdmin();
    return status;
  }

  /** Throws unless a broker answers. */
  async checkKafka(): Promise<void> {
    try {
      await (await this.connectedAdmin()).describeCluster();
    } catch (error) {
      this.dropAdmin();
      throw error;
    }
  }

  async housekeep(): Promise<void> {
    try {
      const pruned = await pruneEventTables(this.dataSource, retentionOf(this.eventsConfig));
      if (pruned.outbox + pruned.inbox > 0) this.logger.info({ pruned }, 'pruned event tables');
    } catch (error) {
      this.logger.warn({ err: describeError(error) }, 'pruning event tables failed; next interval tries again');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.housekeepingTimer);
    await this.joining?.catch(() => undefined);
    await this.consumer?.stop();
    await this.relay?.stop();
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  /** One admin client, reused by probes and lag; replaced after a failure, so it reconnects. */
  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => this.dropAdmin());
    }
    return this.admin;
  }

  private dropAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    void admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }
}

/**
 * The app's EventsRuntime, if it runs one (not in schema mode). Looked up across modules because the
 * core module that provides it does not export it to the app module's controllers.
 */
export function findEventsRuntime(moduleRef: ModuleRef): EventsRuntime | undefined {
  try {
    return moduleRef.get(EventsRuntime, { strict: false });
  } catch {
    return undefined;
  }
}
