import { badInput } from '@asw/platform';

/** A position in the timeline: the entry's time and its id, which breaks ties between equal times. */
export interface TimelinePosition {
  at: Date;
  id: string;
}

/** Opaque to clients (base64url of JSON), so the ordering key can change without breaking the API shape. */
export function encodeTimelineCursor({ at, id }: TimelinePosition): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

/** The position a cursor stands for; BAD_USER_INPUT for anything this codec did not produce. */
export function decodeTimelineCursor(cursor: string): TimelinePosition {
  const refuse = () => badInput('The cursor is not valid; use a cursor from an earlier page', { field: 'after' });
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string' || parsed[1] === '') throw refuse();
  const at = new Date(parsed[0]);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== parsed[0]) throw refuse();
  return { at, id: parsed[1] };
}
