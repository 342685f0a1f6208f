import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The envelope every event travels in (PRODUCT.md, Events). */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  producer: z.string().min(1),
  correlationId: z.string().min(1),
  /** The client the event is about; also the Kafka message key, so one client's events stay ordered. */
  subject: z.string().uuid(),
  payload: z.unknown(),
  /**
   * The W3C trace context (https://www.w3.org/TR/trace-context/) of the transaction that wrote the
   * event, when tracing is on: the relay's publish and the consumers' apply continue that trace.
   */
  traceparent: z.string().min(1).max(512).optional(),
  tracestate: z.string().max(512).optional(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };

export interface EnvelopeMeta {
  subject: string;
  correlationId: string;
  occurredAt?: Date;
  /** The trace context to carry (event-tracing traceCarrierOf); absent when nothing is traced. */
  trace?: { traceparent?: string; tracestate?: string };
}

export function createEnvelope<P>(type: string, version: number, producer: string, payload: P, meta: EnvelopeMeta): EventEnvelope<P> {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer,
    correlationId: meta.correlationId,
    subject: meta.subject,
    payload,
    ...(meta.trace?.traceparent ? { traceparent: meta.trace.traceparent } : {}),
    ...(meta.trace?.traceparent && meta.trace.tracestate ? { tracestate: meta.trace.tracestate } : {}),
  };
}

/** Parses raw bytes from Kafka; throws on anything that is not an envelope. */
export function parseEnvelope(raw: Buffer | string | null): EventEnvelope {
  if (raw === null) throw new Error('empty message');
  return envelopeSchema.parse(JSON.parse(raw.toString())) as EventEnvelope;
}
