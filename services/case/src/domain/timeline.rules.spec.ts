import { expectRefusal } from './domain-error.testing';
import { encodeTimelineCursor } from './timeline-cursor.codec';
import { mergeTimeline, paginateTimeline, TimelineEntry, TimelineEntryKind, TimelineOrder } from './timeline.rules';

const entry = (kind: TimelineEntryKind, id: string, at: string): TimelineEntry => ({ kind, id, at: new Date(at) });
const { CONTACT, SERVICE_DECISION, ASSESSMENT, STATUS_CHANGE } = TimelineEntryKind;

const contacts = [entry(CONTACT, 'c2', '2025-03-12T10:00:00Z'), entry(CONTACT, 'c1', '2025-03-10T09:00:00Z')];
const decisions = [entry(SERVICE_DECISION, 'd1', '2025-03-12T10:00:00Z')];
const assessments = [entry(ASSESSMENT, 'a1', '2025-03-11T12:00:00Z'), entry(ASSESSMENT, 'a0', '2025-03-12T10:00:00Z')];
const statusChanges = [entry(STATUS_CHANGE, 's1', '2025-03-01T08:00:00Z')];
const sources = [contacts, decisions, assessments, statusChanges];

describe('mergeTimeline', () => {
  it.each([
    // Three entries at 2025-03-12T10:00 tie on time and are ordered by id.
    [TimelineOrder.OLDEST_FIRST, ['s1', 'c1', 'a1', 'a0', 'c2', 'd1']],
    [TimelineOrder.NEWEST_FIRST, ['d1', 'c2', 'a0', 'a1', 'c1', 's1']],
  ])('%s', (order, ids) => {
    expect(mergeTimeline(sources, order).map((e) => e.id)).toEqual(ids);
  });

  it('is newest first by default and does not depend on source order', () => {
    expect(mergeTimeline([...sources].reverse()).map((e) => e.id)).toEqual(['d1', 'c2', 'a0', 'a1', 'c1', 's1']);
  });

  it('keeps each entry whole', () => {
    const withPayload = [{ ...entry(CONTACT, 'x', '2025-01-01T00:00:00Z'), note: 'kotikäynti' }];
    expect(mergeTimeline([withPayload])[0]).toEqual(withPayload[0]);
  });
});

describe('paginateTimeline', () => {
  const timeline = mergeTimeline(sources);
  const ids = (page: ReturnType<typeof paginateTimeline>) => page.edges.map((edge) => edge.node.id);

  it.each([
    [{ first: 2 }, ['d1', 'c2'], true],
    [{ first: 6 }, ['d1', 'c2', 'a0', 'a1', 'c1', 's1'], false],
    [{ first: 10 }, ['d1', 'c2', 'a0', 'a1', 'c1', 's1'], false],
    [{}, ['d1', 'c2', 'a0', 'a1', 'c1', 's1'], false],
    [{ first: 3, order: TimelineOrder.OLDEST_FIRST }, ['s1', 'c1', 'a1'], true],
    [{ first: 2, after: encodeTimelineCursor(timeline[1]) }, ['a0', 'a1'], true],
    [{ first: 2, after: encodeTimelineCursor(timeline[3]) }, ['c1', 's1'], false],
    [{ first: 2, after: encodeTimelineCursor(timeline[5]) }, [], false],
    // The entry behind the cursor need not exist any more: position decides.
    [{ first: 2, after: encodeTimelineCursor({ id: 'b-gone', at: new Date('2025-03-12T10:00:00Z') }) }, ['a0', 'a1'], true],
    [{ first: 1, after: encodeTimelineCursor({ id: 'x', at: new Date('2025-03-05T00:00:00Z') }), order: TimelineOrder.OLDEST_FIRST }, ['c1'], true],
  ])('%j → %j, hasNextPage %s', (request, expectedIds, hasNextPage) => {
    const page = paginateTimeline(timeline, request);
    expect(ids(page)).toEqual(expectedIds);
    expect(page.pageInfo).toEqual({ hasNextPage, endCursor: page.edges.length ? page.edges[page.edges.length - 1].cursor : null });
  });

  it.each([[1], [2], [4], [5]])('walks the whole timeline in pages of %s without gaps or repeats', (first) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof paginateTimeline> = paginateTimeline(timeline, { first, after });
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(timeline.map((e) => e.id));
  });

  it.each([[0], [101], [2.5], [-1]])('refuses first = %s', (first) => {
    expectRefusal(() => paginateTimeline(timeline, { first }), 'BAD_USER_INPUT', 'first must be a whole number from 1 to 100', { field: 'first' });
  });

  it('refuses a forged cursor', () => {
    expectRefusal(() => paginateTimeline(timeline, { after: 'Zm9v' }), 'BAD_USER_INPUT', 'cursor is not valid', { field: 'after' });
  });
});
