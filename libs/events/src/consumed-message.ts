import type { EntityManager } from 'typeorm';

/** A message as it came from Kafka, with where it came from: what dead letters and parked events keep. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

export interface EventIdentity {
  id: string;
  type: string;
  version: number;
}

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query: EntityManager['query'];
}

/** A Kafka message kept in a table (dead letters, parked events): its event, if readable, and its origin. */
export interface HeldMessage {
  id: string;
  eventId: string | null;
  eventType: string | null;
  eventVersion: number | null;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The raw message, as received. */
  value: Buffer | null;
}

/** Maps the columns dead_letter and parked_event share. */
export function heldMessageOf(row: Record<string, any>): HeldMessage {
  return {
    id: String(row.id),
    eventId: row.event_id,
    eventType: row.event_type,
    eventVersion: row.event_version,
    topic: row.topic,
    partition: row.partition,
    offset: String(row.kafka_offset),
    key: row.message_key,
    value: row.message_value,
  };
}
