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
