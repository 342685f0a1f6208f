import type { EntityManager } from 'typeorm';
import { createEnvelope, EnvelopeMeta, EventEnvelope } from './envelope';
import { EventDefinition, ServiceName, topicOf } from './event-definition';

/**
 * Publishing is writing to the outbox inside the caller's transaction: the event exists exactly
 * when the state change it describes was committed. The relay takes it to Kafka afterwards.
 */
export class EventPublisher {
  constructor(
    private readonly service: ServiceName,
    private readonly topicPrefix: string,
  ) {}

  async publish<P>(manager: EntityManager, definition: EventDefinition<P>, payload: P, meta: EnvelopeMeta): Promise<EventEnvelope<P>> {
    if (definition.producer !== this.service) {
      throw new Error(`${this.service} cannot publish ${definition.type}: it belongs to ${definition.producer}`);
    }
    const validPayload = definition.payload.parse(payload);
    const envelope = createEnvelope(definition.type, definition.version, this.service, validPayload, meta);
    await manager.query(
      `INSERT INTO outbox (id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [envelope.id, topicOf(this.service, this.topicPrefix), envelope.subject, envelope.type, JSON.stringify(envelope)],
    );
    return envelope;
  }
}
