import { badInput } from '@asw/platform';

// Dates are plain ISO strings (YYYY-MM-DD) here so that the domain does not depend on @asw/calendar;
// in that format string order is date order, so comparisons need no parsing.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (refuses 2025-02-30 and 2025-2-3). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value if it is a real YYYY-MM-DD date; otherwise a BAD_USER_INPUT naming the field. */
export function assertIsoDate(field: string, value: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`${field} must be a date written YYYY-MM-DD`, { field });
  return value;
}

/** The month (YYYY-MM) a date falls in. */
export const monthOf = (date: string): string => date.slice(0, 7);
