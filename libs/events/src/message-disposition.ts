import { envelopeSchema, EventEnvelope } from './envelope';
import { describeError } from './event-errors';
import type { EventHandler } from './inbox';

/** What a consumer does with one Kafka message. */
export type Disposition =
  | { kind: 'apply'; envelope: EventEnvelope; handler: EventHandler }
  /** Another consumer's business: a known event type this service has no handler for. */
  | { kind: 'skip'; envelope: EventEnvelope }
  /** Valid, but of a type or version this build cannot read yet: kept for later, never applied now. */
  | { kind: 'park'; envelope: EventEnvelope; reason: string }
  /** Can never be applied as it is (not an envelope, or the payload fails its schema): dead-lettered at once. */
  | { kind: 'reject'; envelope: EventEnvelope | null; error: string };

/**
 * Decides, without side effects, what to do with a message. `handlers` by event type; `known` is the
 * newest version of each type this build knows (catalog and handlers).
 */
export function dispositionOf(value: Buffer | null, handlers: ReadonlyMap<string, EventHandler>, known: ReadonlyMap<string, number>): Disposition {
  let json: unknown;
  try {
    if (value === null) throw new Error('empty message');
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { kind: 'reject', envelope: null, error: `not JSON: ${describeError(error)}` };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: 'reject', envelope: null, error: `invalid envelope: ${describeError(parsed.error)}` };
  const envelope = parsed.data as EventEnvelope;

  const handler = handlers.get(envelope.type);
  if (!handler) {
    const newest = known.get(envelope.type);
    if (newest === undefined) return { kind: 'park', envelope, reason: `unknown event type ${envelope.type}` };
    if (envelope.version > newest) return { kind: 'park', envelope, reason: `${envelope.type} version ${envelope.version} is newer than the known ${newest}` };
    return { kind: 'skip', envelope };
  }
  const handled = handler.event.version;
  if (envelope.version !== handled) {
    const relation = envelope.version > handled ? 'newer' : 'older';
    return { kind: 'park', envelope, reason: `${envelope.type} version ${envelope.version} is ${relation} than the handled ${handled}` };
  }
  const payload = handler.event.payload.safeParse(envelope.payload);
  if (!payload.success) return { kind: 'reject', envelope, error: `invalid ${envelope.type} v${handled} payload: ${describeError(payload.error)}` };
  return { kind: 'apply', envelope: { ...envelope, payload: payload.data }, handler };
}

/** Handlers by the event type they apply; one handler per type. */
export function indexHandlers(handlers: readonly EventHandler[]): Map<string, EventHandler> {
  const byType = new Map<string, EventHandler>();
  for (const handler of handlers) {
    if (byType.has(handler.event.type)) throw new Error(`two handlers for ${handler.event.type}`);
    byType.set(handler.event.type, handler);
  }
  return byType;
}
