import { expectRefusal } from './domain-error.testing';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor.codec';

describe('timeline cursor codec', () => {
  it.each([
    [new Date('2025-03-10T08:15:00.000Z'), '4f0c1a8e-2b1d-4c55-9a0e-0b1f9b1c2d3e'],
    [new Date('2016-06-01T00:00:00.000Z'), 'a'],
    [new Date('2025-12-31T23:59:59.999Z'), 'id with spaces, ä and "quotes"'],
  ])('round-trips %s / %s through an opaque url-safe string', (at, id) => {
    const cursor = encodeTimelineCursor({ at, id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(id);
    expect(decodeTimelineCursor(cursor)).toEqual({ at, id });
  });

  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['not JSON', b64('hello')],
    ['an object', b64({ at: '2025-03-10T08:15:00.000Z', id: 'x' })],
    ['one element', b64(['2025-03-10T08:15:00.000Z'])],
    ['an empty id', b64(['2025-03-10T08:15:00.000Z', ''])],
    ['a numeric id', b64(['2025-03-10T08:15:00.000Z', 7])],
    ['not a time', b64(['yesterday', 'x'])],
    ['a non-canonical time', b64(['2025-03-10', 'x'])],
  ])('refuses %s', (_label, cursor) => {
    expectRefusal(() => decodeTimelineCursor(cursor), 'BAD_USER_INPUT', 'cursor is not valid', { field: 'after' });
  });
});
