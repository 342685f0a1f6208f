import { badInput } from '@asw/platform';
import { addMonths, LocalDate, parseLocalDate } from './local-date';
import { deadlineOnWorkingDay } from './time-limit';

/**
 * Lokitietopyyntö: a client's request to know who processed or received their data (laki sosiaali- ja
 * terveydenhuollon asiakastietojen käsittelystä 703/2023 11 §; DOMAIN.md "Records, logs and retention").
 * - Answered without undue delay, at the latest within 2 months of receiving the request. Months are
 *   calendar months with month-end clamping (laki säädettyjen määräaikain laskemisesta 150/1930 3 §),
 *   and a last day on a weekend or holiday moves to the next working day (150/1930 5 §).
 * - The answer covers the log entries of the last 2 years before the request; entries older than 2
 *   years only when the client gives a special reason (erityinen syy, e.g. a suspicion of unauthorised
 *   processing at a given time). The same month arithmetic counts the 2 years back.
 */
export const ACCESS_LOG_ANSWER_MONTHS = 2;
/** 703/2023 11 §: entries older than this need the client's special reason. */
export const ACCESS_LOG_ROUTINE_MONTHS = 24;
/** Longest special reason kept with the request. */
export const ACCESS_LOG_REASON_MAX_LENGTH = 2000;

export interface AccessLogRequestInput {
  /** Day the request reached the county (pyynnön vastaanottopäivä). */
  receivedOn: LocalDate;
  /** Start of the period the client asks about; left out: the 2 years before the request. */
  requestedFrom?: LocalDate | null;
  /** Erityinen syy for entries older than 2 years. */
  specialReason?: string | null;
}

export interface AccessLogRequestDates {
  receivedOn: LocalDate;
  /** Last day to answer (703/2023 11 §, 150/1930 3 § and 5 §). */
  answerDueOn: LocalDate;
  /** The earliest day the answer covers without a special reason: 2 years before the request. */
  routineFrom: LocalDate;
  /** The first day the answer covers (inclusive); the period ends when the request was received. */
  periodFrom: LocalDate;
  /** Whether the answer reaches past the 2 years, on the special reason given. */
  olderEntries: boolean;
  specialReason: string | null;
}

/** The dates of a request for the access log, and the period its answer covers; refuses older entries without a special reason. */
export function accessLogRequestDates(input: AccessLogRequestInput): AccessLogRequestDates {
  const receivedOn = parseLocalDate(input.receivedOn, 'receivedOn');
  const routineFrom = addMonths(receivedOn, -ACCESS_LOG_ROUTINE_MONTHS);
  const requestedFrom = input.requestedFrom == null ? routineFrom : parseLocalDate(input.requestedFrom, 'requestedFrom');
  if (requestedFrom > receivedOn) throw badInput('requestedFrom must not be after the request was received', { field: 'requestedFrom' });
  const specialReason = input.specialReason?.trim() || null;
  if (specialReason !== null && specialReason.length > ACCESS_LOG_REASON_MAX_LENGTH) {
    throw badInput(`specialReason must be at most ${ACCESS_LOG_REASON_MAX_LENGTH} characters`, { field: 'specialReason' });
  }
  const olderEntries = requestedFrom < routineFrom;
  if (olderEntries && specialReason === null) {
    throw badInput('Log entries older than 2 years are given only on a special reason (703/2023 11 §): give specialReason, or a later requestedFrom', {
      field: 'specialReason',
      reason: 'OLDER_ENTRIES_NEED_SPECIAL_REASON',
    });
  }
  return {
    receivedOn,
    answerDueOn: deadlineOnWorkingDay(addMonths(receivedOn, ACCESS_LOG_ANSWER_MONTHS)),
    routineFrom,
    periodFrom: requestedFrom,
    olderEntries,
    specialReason,
  };
}
