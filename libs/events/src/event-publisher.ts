import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { createEnvelope, EnvelopeMeta, EventEnvelope } from './envelope';
import { EventDefinition, ServiceName, topicOf } from './event-definition';
import { context, eventTracer, inSpan, SpanKind, trace, traceCarrierOf } from './event-tracing';

/**
 * Publishing is writing to the outbox inside the caller's transaction: the event exists exactly
 * when the state change it describes was committed. The relay takes it to Kafka afterwards; the
 * publisher tells it (onCommitted) the moment such a transaction commits, so it needs no polling and
 * no database NOTIFY (which serialises every committing writer on a cluster-wide lock).
 */
export class EventPublisher {
  private readonly listeners = new Set<() => void>();
  private readonly awaitingCommit = new WeakSet<QueryRunner>();
  private readonly watched = new WeakSet<DataSource>();

  constructor(
    private readonly service: ServiceName,
    private readonly topicPrefix: string,
  ) {}

  async publish<P>(manager: EntityManager, definition: EventDefinition<P>, payload: P, meta: EnvelopeMeta): Promise<EventEnvelope<P>> {
    if (definition.producer !== this.service) {
      throw new Error(`${this.service} cannot publish ${definition.type}: it belongs to ${definition.producer}`);
    }
    const validPayload = definition.payload.parse(payload);
    const topic = topicOf(this.service, this.topicPrefix);
    // The outbox write is a span of the caller's trace; its context goes into the envelope, so the
    // relay's publish and the consumers' apply continue the trace (no span, nothing stored, when tracing is off).
    const span = eventTracer().startSpan(`outbox write ${definition.type}`, {
      kind: SpanKind.INTERNAL,
      attributes: { 'asw.event.type': definition.type, 'asw.event.version': definition.version, 'messaging.destination.name': topic },
    });
    return context.with(trace.setSpan(context.active(), span), () =>
      inSpan(span, async () => {
        const envelope = createEnvelope(definition.type, definition.version, this.service, validPayload, { ...meta, trace: traceCarrierOf() });
        span.setAttribute('messaging.message.id', envelope.id);
        await manager.query(
          `INSERT INTO outbox (id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
          [envelope.id, topic, envelope.subject, envelope.type, JSON.stringify(envelope)],
        );
        this.tellOnCommit(manager);
        return envelope;
      }),
    );
  }

  /** Calls `listener` after each commit that put events in the outbox; returns the unsubscribe. */
  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tellOnCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.committed(); // outside a transaction: already committed
    this.watch(manager.connection);
    this.awaitingCommit.add(runner);
  }

  private watch(dataSource: DataSource): void {
    if (this.watched.has(dataSource)) return;
    this.watched.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
      // Also broadcast when a savepoint is released: only the outermost COMMIT counts.
      afterTransactionCommit: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive && this.awaitingCommit.delete(queryRunner)) this.committed();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.awaitingCommit.delete(queryRunner);
      },
    };
    dataSource.subscribers.push(subscriber);
  }

  private committed(): void {
    for (const listener of this.listeners) listener();
  }
}
