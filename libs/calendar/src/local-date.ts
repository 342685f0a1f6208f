import { badInput } from '@asw/platform';

/**
 * A calendar date without time or zone, as ISO `YYYY-MM-DD`. Deadlines in law are counted in days, so
 * a date never passes through `Date` in the machine's zone: arithmetic is done on day numbers.
 * The brand means "validated": get one from `parseLocalDate` or the helpers here.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const isRealDate = ({ year, month, day }: LocalDateParts): boolean =>
  Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
  year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** True if `value` is `YYYY-MM-DD` and that day exists (proleptic Gregorian, years 0001–9999). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isRealDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/** Validates user input; refuses '2026-02-30', '2026-2-3' and anything not a real day. The value is not echoed. */
export function parseLocalDate(value: unknown, field = 'date'): LocalDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw badInput(`${field} must be a date in the form YYYY-MM-DD`, { field });
  }
  if (!isLocalDate(value)) throw badInput(`${field} is not a real calendar date`, { field });
  return value;
}

/** Builds a date from parts, refusing impossible ones (31 April, 29 February in a common year). */
export function localDateFromParts(parts: LocalDateParts, field = 'date'): LocalDate {
  if (!isRealDate(parts)) throw badInput(`${field} is not a real calendar date`, { field });
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}` as LocalDate;
}

export function toLocalDateParts(date: LocalDate): LocalDateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Days since 1970-01-01 and back (H. Hinnant's civil-date algorithms): integer arithmetic, no time zone.
function toDayNumber(date: LocalDate): number {
  const { year, month, day } = toLocalDateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): LocalDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return localDateFromParts({ year, month, day });
}

/** Adds (or with a negative n subtracts) calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw badInput('days must be a whole number', { field: 'days' });
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months; a day the target month lacks becomes its last day (30.11. + 3 months = 28./29.2.),
 * as the Act on calculating statutory time limits (150/1930) 3 § ends a period counted in months.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw badInput('months must be a whole number', { field: 'months' });
  const { year, month, day } = toLocalDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return localDateFromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toDayNumber(to) - toDayNumber(from);

/** -1, 0 or 1; usable as a sort comparator. */
export const compareLocalDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

export const minLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** ISO day of week (1 = Monday). 1970-01-01 was a Thursday. */
export function dayOfWeek(date: LocalDate): IsoDayOfWeek {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7 + 1) as IsoDayOfWeek;
}

const helsinkiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Finland (Europe/Helsinki, with its summer time), whatever the server's zone. */
export function todayInFinland(now: Date = new Date()): LocalDate {
  const parts = Object.fromEntries(helsinkiDate.formatToParts(now).map((part) => [part.type, part.value]));
  return localDateFromParts({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
}

const helsinkiOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', timeZoneName: 'longOffset' });

/** Minutes Finland is ahead of UTC at `at` (120 in winter, 180 in summer). */
function finnishOffsetMinutes(at: Date): number {
  const name = helsinkiOffset.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a day begins in Finland (00:00 Europe/Helsinki); summer time changes at 03:00/04:00, never at midnight. */
export function startOfDayInFinland(date: LocalDate): Date {
  const utcMidnight = Date.parse(`${parseLocalDate(date, 'date')}T00:00:00Z`);
  return new Date(utcMidnight - finnishOffsetMinutes(new Date(utcMidnight - 3 * 3600_000)) * 60_000);
}
