import { propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { createEnvelope, envelopeSchema } from './envelope';
import { contextOf, headerCarrier, traceCarrierOf } from './event-tracing';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const meta = { subject: '5b3f1c2e-8d4a-4f6b-9c1e-2a7d8e9f0b1c', correlationId: 'c-1' };

describe('the trace context in the event envelope', () => {
  afterEach(() => propagation.disable());

  it('without tracing (no propagator registered) writes nothing: envelopes stay as they were', () => {
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
    const carrier = traceCarrierOf(trace.setSpan(ROOT_CONTEXT, span));
    expect(carrier).toEqual({});
    const envelope = createEnvelope('T', 1, 'case', {}, { ...meta, trace: carrier });
    expect(Object.keys(envelope)).not.toContain('traceparent');
    expect(contextOf({ traceparent: TRACEPARENT })).toBeUndefined();
  });

  it('with tracing, carries the W3C traceparent and tracestate, and reads them back as the parent', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
    const carrier = traceCarrierOf(trace.setSpan(ROOT_CONTEXT, span));
    expect(carrier).toEqual({ traceparent: TRACEPARENT });
    const envelope = envelopeSchema.parse(JSON.parse(JSON.stringify(createEnvelope('T', 1, 'case', {}, { ...meta, trace: { ...carrier, tracestate: 'asw=1' } }))));
    expect(envelope).toMatchObject({ traceparent: TRACEPARENT, tracestate: 'asw=1' });
    const parent = trace.getSpanContext(contextOf(envelope)!);
    expect(parent).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', isRemote: true });
    expect(trace.getSpanContext(contextOf(headerCarrier({ traceparent: Buffer.from(TRACEPARENT) }))!)?.spanId).toBe('00f067aa0ba902b7');
    expect(contextOf({ traceparent: 'garbage' })).toBeUndefined();
    expect(contextOf(null)).toBeUndefined();
  });

  it('an envelope without a trace context is still valid (events written before tracing, or with it off)', () => {
    expect(envelopeSchema.safeParse(JSON.parse(JSON.stringify(createEnvelope('T', 1, 'case', {}, meta)))).success).toBe(true);
  });
});
