import { daysBetween, LocalDate, parseLocalDate } from '@asw/calendar';
import { badInput } from '@asw/platform';
import { assertEnumValue, ContactType } from '../domain';

export interface ContactInput {
  type: ContactType;
  occurredOn: string;
  durationMinutes?: number | null;
}

export interface ValidContact {
  type: ContactType;
  occurredOn: LocalDate;
  durationMinutes: number | null;
}

const MAX_DURATION_MINUTES = 24 * 60;

/** A contact that happened (not in the future), of a known type, lasting 1 minute to a day if stated. */
export function validateContact(input: ContactInput, today: LocalDate): ValidContact {
  const type = assertEnumValue('type', ContactType, input.type);
  const occurredOn = parseLocalDate(input.occurredOn, 'occurredOn');
  if (occurredOn > today) throw badInput('occurredOn must not be in the future', { field: 'occurredOn' });
  const duration = input.durationMinutes ?? null;
  if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION_MINUTES)) {
    throw badInput(`durationMinutes must be a whole number from 1 to ${MAX_DURATION_MINUTES}`, { field: 'durationMinutes' });
  }
  return { type, occurredOn, durationMinutes: duration };
}

/** Statistics are asked for at most this many days at a time (two years). */
export const MAX_STATISTICS_DAYS = 731;

export function validateStatisticsRange(from: string, to: string): { from: LocalDate; to: LocalDate } {
  const start = parseLocalDate(from, 'from');
  const end = parseLocalDate(to, 'to');
  if (end < start) throw badInput('to must not be before from', { field: 'to' });
  if (daysBetween(start, end) >= MAX_STATISTICS_DAYS) throw badInput(`to may be at most ${MAX_STATISTICS_DAYS - 1} days after from`, { field: 'to' });
  return { from: start, to: end };
}
