import { context, Context, Link, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/**
 * The W3C trace context an event carries in its envelope (`traceparent`, `tracestate`), so the
 * trace of the request that committed it continues when the relay publishes it (later, in another
 * loop) and when a consumer applies it (in another service). Without tracing (no SDK started) the
 * propagator is a no-op: nothing is written, and the spans below are no-ops.
 */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

export const eventTracer = () => trace.getTracer('@asw/events');

/** The trace context of `ctx` (default: the active one), as envelope fields; empty when nothing is traced. */
export function traceCarrierOf(ctx: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const out: TraceCarrier = {};
  if (carrier.traceparent) out.traceparent = carrier.traceparent;
  if (carrier.tracestate) out.tracestate = carrier.tracestate;
  return out;
}

/** The context stored in an envelope (or Kafka headers), or undefined when it carries none. */
export function contextOf(carrier: { traceparent?: unknown; tracestate?: unknown } | null | undefined): Context | undefined {
  if (!carrier || typeof carrier.traceparent !== 'string') return undefined;
  const fields: Record<string, string> = { traceparent: carrier.traceparent };
  if (typeof carrier.tracestate === 'string') fields.tracestate = carrier.tracestate;
  const extracted = propagation.extract(ROOT_CONTEXT, fields);
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/** Kafka headers as strings (kafkajs gives Buffers). */
export function headerCarrier(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): TraceCarrier {
  const text = (value: Buffer | string | (Buffer | string)[] | undefined) => (value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value));
  return { traceparent: text(headers?.traceparent), tracestate: text(headers?.tracestate) };
}

/** A context in which nothing is traced (kafkajs' own send spans are left out where the relay makes its own). */
export function untraced(): Context {
  return suppressTracing(context.active());
}

/** Ends `span` with the outcome of `work`. */
export async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    span.end();
    return result;
  } catch (error) {
    endFailed(span, error);
    throw error;
  }
}

export function endFailed(span: Span, error: unknown): void {
  // The error's class only: messages may quote data.
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
  span.end();
}

export { context, SpanKind, trace };
export type { Context, Link, Span };
