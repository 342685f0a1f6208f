import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id in the graph (clients, cases, events, correlation ids) is a UUID. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The caller's correlation id when it is a UUID, else a new one: headers are never trusted as text. */
export function correlationIdOf(header: unknown): string {
  return isUuid(header) ? header : randomUUID();
}
