import { z } from 'zod';

/** The services that produce events, and the one topic each writes to (PRODUCT.md). */
export const TOPIC_OF_PRODUCER = {
  case: 'case.events',
  'housing-support': 'housing.events',
  'benefits-handling': 'benefits.events',
  'group-activity': 'group.events',
} as const;
export type ServiceName = keyof typeof TOPIC_OF_PRODUCER;

export function topicOf(producer: ServiceName, prefix = ''): string {
  return `${prefix}${TOPIC_OF_PRODUCER[producer]}`;
}

/** Where a consumer sends the messages of `topic` it gave up on. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** One entry of the event catalog: name, schema version, producer and payload schema. */
export interface EventDefinition<P = unknown> {
  type: string;
  version: number;
  producer: ServiceName;
  payload: z.ZodType<P, z.ZodTypeDef, unknown>;
}

export function defineEvent<S extends z.ZodTypeAny>(definition: {
  type: string;
  version: number;
  producer: ServiceName;
  payload: S;
}): EventDefinition<z.infer<S>> {
  return definition;
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

/** The newest version of each event type in the given definitions: what a consumer "knows". */
export function knownVersions(definitions: Iterable<EventDefinition<any>>): Map<string, number> {
  const known = new Map<string, number>();
  for (const { type, version } of definitions) known.set(type, Math.max(version, known.get(type) ?? 0));
  return known;
}
