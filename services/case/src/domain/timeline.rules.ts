import { badInput } from '@asw/platform';
import { decodeTimelineCursor, encodeTimelineCursor, TimelinePosition } from './timeline-cursor.codec';

/** Tapahtuman laji: the kinds of entry a case timeline (asiakkuuden aikajana) merges. */
export enum TimelineEntryKind {
  /** Asiakkuuden tilan muutos */
  STATUS_CHANGE = 'STATUS_CHANGE',
  /** Palvelutarpeen arviointi (SHL §36) */
  ASSESSMENT = 'ASSESSMENT',
  /** Asiakassuunnitelma (SHL §39) */
  CLIENT_PLAN = 'CLIENT_PLAN',
  /** Päätös (SHL §45) */
  SERVICE_DECISION = 'SERVICE_DECISION',
  /** Oikaisuvaatimus päätökseen (HL 49 a §): arrival, and again when resolved */
  DECISION_APPEAL = 'DECISION_APPEAL',
  /** Yhteydenotto tai käynti */
  CONTACT = 'CONTACT',
  /** Mittaus (EUROHIS-QOL 8, AVAIN) */
  MEASUREMENT = 'MEASUREMENT',
  /** Aktivointisuunnitelma */
  ACTIVATION_PLAN = 'ACTIVATION_PLAN',
  /** Toimeentulotukipäätös (benefits-handling) */
  INCOME_SUPPORT_DECISION = 'INCOME_SUPPORT_DECISION',
  /** Kelan ilmoitus (eTotu) */
  KELA_NOTICE = 'KELA_NOTICE',
}

/** Aikajärjestys */
export enum TimelineOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

/** An entry of any kind; ids must be unique across kinds (UUIDs are), since the id breaks ties. */
export interface TimelineEntry extends TimelinePosition {
  kind: TimelineEntryKind;
}

function compareOldestFirst(a: TimelinePosition, b: TimelinePosition): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Orders by time, then by id, so equal times always come out in the same order across pages. */
export function compareTimeline(order: TimelineOrder): (a: TimelinePosition, b: TimelinePosition) => number {
  return order === TimelineOrder.OLDEST_FIRST ? compareOldestFirst : (a, b) => compareOldestFirst(b, a);
}

/** Merges entries of several kinds into one timeline. */
export function mergeTimeline<E extends TimelineEntry>(sources: ReadonlyArray<readonly E[]>, order = TimelineOrder.NEWEST_FIRST): E[] {
  return sources.flat().sort(compareTimeline(order));
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface TimelinePageRequest {
  first?: number | null;
  /** Cursor of the last entry already seen. */
  after?: string | null;
  order?: TimelineOrder;
}

export interface TimelinePage<E> {
  edges: Array<{ cursor: string; node: E }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The page size asked for, or BAD_USER_INPUT: 1..MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE}`, { field: 'first' });
  return first;
}

/**
 * One page of a merged timeline, Relay style. `after` compares by position rather than looking the
 * entry up, so a page still continues correctly if the entry the cursor came from was removed.
 * A caller fetching from the database can use decodeTimelineCursor to ask each source for entries
 * past the cursor and at most first + 1 of them, then merge and page here.
 */
export function paginateTimeline<E extends TimelineEntry>(entries: readonly E[], request: TimelinePageRequest = {}): TimelinePage<E> {
  const first = pageSize(request.first);
  const compare = compareTimeline(request.order ?? TimelineOrder.NEWEST_FIRST);
  const after = request.after ? decodeTimelineCursor(request.after) : null;
  const rest = [...entries].sort(compare).filter((entry) => after === null || compare(entry, after) > 0);
  const edges = rest.slice(0, first).map((node) => ({ cursor: encodeTimelineCursor(node), node }));
  return { edges, pageInfo: { hasNextPage: rest.length > first, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null } };
}
