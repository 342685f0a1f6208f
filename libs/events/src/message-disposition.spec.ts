import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, knownVersions } from './event-definition';
import type { EventHandler } from './inbox';
import { dispositionOf, indexHandlers } from './message-disposition';

const Handled = defineEvent({ type: 'Handled', version: 2, producer: 'case', payload: z.object({ clientId: z.string().uuid(), kind: z.enum(['A', 'B']) }) });
const Known = defineEvent({ type: 'Known', version: 1, producer: 'case', payload: z.object({}) });
const handler: EventHandler = { event: Handled as never, handle: async () => undefined };
const handlers = indexHandlers([handler]);
const known = knownVersions([Known, Handled]);

const clientId = randomUUID();
const envelope = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'Handled',
  version: 2,
  occurredAt: '2026-11-02T09:30:00.000Z',
  producer: 'case',
  correlationId: 'c-1',
  subject: clientId,
  payload: { clientId, kind: 'A' },
  ...overrides,
});
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('dispositionOf', () => {
  it.each([
    ['a handled type at the handled version', envelope(), { kind: 'apply' }],
    ['a known type without handler', envelope({ type: 'Known', version: 1 }), { kind: 'skip' }],
    ['a known type at an older version', envelope({ type: 'Known', version: 1 }), { kind: 'skip' }],
    ['a handled type at a newer version', envelope({ version: 3 }), { kind: 'park', reason: 'Handled version 3 is newer than the handled 2' }],
    ['a handled type at an older version', envelope({ version: 1 }), { kind: 'park', reason: 'Handled version 1 is older than the handled 2' }],
    ['a known unhandled type at a newer version', envelope({ type: 'Known', version: 2 }), { kind: 'park', reason: 'Known version 2 is newer than the known 1' }],
    ['an unknown type', envelope({ type: 'Brand', version: 1 }), { kind: 'park', reason: 'unknown event type Brand' }],
    ['a payload failing its schema', envelope({ payload: { clientId, kind: 'Virtanen' } }), { kind: 'reject', error: 'invalid Handled v2 payload: kind: invalid_enum_value' }],
    ['an envelope missing fields', { type: 'Handled' }, { kind: 'reject', envelope: null }],
    ['bytes that are not JSON', 'not json', { kind: 'reject', envelope: null }],
  ])('%s', (_name, value, expected) => {
    expect(dispositionOf(bytes(value), handlers, known)).toMatchObject(expected);
  });

  it('rejects an empty message', () => {
    expect(dispositionOf(null, handlers, known)).toMatchObject({ kind: 'reject', error: 'not JSON: Error: empty message' });
  });

  it('never quotes the invalid value in the error (it may be personal data)', () => {
    const result = dispositionOf(bytes(envelope({ payload: { clientId: '010101-123N', kind: 'A' } })), handlers, known);
    expect(JSON.stringify(result)).toContain('invalid_string');
    expect(result.kind === 'reject' && result.error).not.toContain('010101-123N');
  });

  it('hands the handler the parsed payload', () => {
    const result = dispositionOf(bytes(envelope()), handlers, known);
    expect(result.kind === 'apply' && result.envelope.payload).toEqual({ clientId, kind: 'A' });
  });

  it('refuses two handlers for one type', () => {
    expect(() => indexHandlers([handler, handler])).toThrow('two handlers for Handled');
  });
});
