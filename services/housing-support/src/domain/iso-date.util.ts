import { badInput } from '@asw/platform';

/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings (päivämäärä). Arithmetic runs in UTC so the
 * server's time zone can never shift a day. Kept local to this service on purpose: services share
 * no domain code, and working-day rules live in the calendar lib, not here.
 */
export type IsoDate = string;

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// Years outside this range are typing errors in this domain; the bound also keeps Date.UTC away from
// its two-digit-year quirk.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function parts(date: IsoDate): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** True for a real calendar date written as `YYYY-MM-DD` (no 2026-02-30, no time part). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const p = parts(value);
  if (!p) return false;
  const [y, m, d] = p;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Returns the date unchanged, or refuses it as BAD_USER_INPUT naming the field. */
export function assertIsoDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) throw badInput(`${field} must be a calendar date written YYYY-MM-DD`, { field });
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toMs(date: IsoDate): number {
  const p = parts(date);
  if (!p) throw new TypeError(`not an ISO date: ${date}`);
  return Date.UTC(p[0], p[1] - 1, p[2]);
}

function fromMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** Same day `months` later; a day missing in the target month falls back to its last day (31.1. + 1 → 28./29.2.). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date)!;
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  const day = new Date(toMs(date)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearMonthDay(date: IsoDate): [number, number, number] {
  return parts(date)!;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
