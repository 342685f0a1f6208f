import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from './envelope';
import type { EventDefinition } from './event-definition';

/** Applies one kind of event to the consuming service's own state, inside the inbox transaction. */
export interface EventHandler<P = unknown> {
  readonly event: EventDefinition<P>;
  handle(manager: EntityManager, event: EventEnvelope<P>): Promise<void>;
}

/** A validated event and the handler that applies it. */
export interface ApplicableEvent {
  envelope: EventEnvelope;
  handler: EventHandler;
}

export interface ApplyResult {
  applied: number;
  duplicates: number;
}

/**
 * The one way an event reaches a handler (consumer, retries and replay alike): its id goes into the
 * inbox in the caller's transaction, and only events whose id was new are handled, in order. The
 * handler's writes commit together with the inbox row, so a redelivered event has no second effect.
 * One INSERT for the whole batch keeps the per-event cost at the handler's own statements.
 */
export async function applyEvents(manager: EntityManager, events: readonly ApplicableEvent[]): Promise<ApplyResult> {
  if (events.length === 0) return { applied: 0, duplicates: 0 };
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox (event_id, event_type) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
    [events.map((event) => event.envelope.id), events.map((event) => event.envelope.type)],
  );
  const fresh = new Set(inserted.map((row) => row.event_id.toLowerCase()));
  let applied = 0;
  for (const { envelope, handler } of events) {
    // delete: the same event twice in one batch is applied at its first occurrence only
    if (!fresh.delete(envelope.id.toLowerCase())) continue;
    await handler.handle(manager, envelope);
    applied++;
  }
  return { applied, duplicates: events.length - applied };
}
