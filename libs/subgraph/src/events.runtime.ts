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
  retentionOf,
  topicOf,
} from '@asw/events';
import { AppLogger, loadConfig, ServiceConfig } from '@asw/platform';
import { CaseRelationshipsChangedHandler } from './relationships/case-relationships';
import type { SubgraphDefinition } from './subgraph-definition';
import { LOGGER, SERVICE_CONFIG, SUBGRAPH_DEFINITION } from './tokens';

/**
 * Runs a service's event machinery: the outbox relay, the consumer of the events it has handlers
 * for, and the housekeeping of the event tables. Starts after the app is up; before it goes down,
 * the consumer finishes its in-flight messages and commits, and the relay finishes its batch.
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

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SUBGRAPH_DEFINITION) private readonly definition: SubgraphDefinition,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly publisher: EventPublisher,
  ) {
    this.service = definition.name;
    // A PostgreSQL restart must not crash the process through an unhandled client 'error' event.
    keepConnectionErrorsHandled(dataSource);
    this.kafka = createKafka(definition.name, config.KAFKA_BROKERS, logger);
    this.eventsConfig = loadConfig(eventsConfigSchema);
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = (this.definition.eventHandlers ?? []).map((type) => this.moduleRef.get<EventHandler>(type, { strict: false }));
    // Who works on which case: case records it itself; every other service keeps it from case's events.
    if (!this.definition.ownsClient) handlers.push(new CaseRelationshipsChangedHandler());
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
    await ensureTopics(this.kafka, [topicOf(this.definition.name, prefix), ...this.consumer.topics, ...this.consumer.deadLetterTopics]);
    this.relay = new OutboxRelay(this.dataSource, this.kafka, this.logger, {
      wakeOn: this.publisher,
      batchSize: events.EVENTS_RELAY_BATCH_SIZE,
      fallbackPollMs: events.EVENTS_RELAY_FALLBACK_POLL_MS,
    });
    await this.relay.start();
    await this.consumer.start();
    this.housekeepingTimer = setInterval(() => void this.housekeep(), events.EVENTS_HOUSEKEEPING_INTERVAL_MINUTES * 60_000);
    this.housekeepingTimer.unref();
  }

  /** Outbox backlog, consumer lag, dead letters, parked events and last errors: for readiness and /metrics. */
  async status(): Promise<EventsStatus> {
    const admin = await this.connectedAdmin().catch(() => undefined);
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
    clearInterval(this.housekeepingTimer);
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
