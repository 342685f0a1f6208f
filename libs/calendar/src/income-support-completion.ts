import { LocalDate, minLocalDate, parseLocalDate } from './local-date';
import { deadlineOnWorkingDay } from './time-limit';

/**
 * Täydennyspyyntö under toimeentulotukilaki 1412/1997 14 a § 2 mom: after a specific request for
 * completion the decision is due within 7 working days "after the completion arrives or its deadline
 * passes". The applicant's deadline is a statutory time limit for their action, so under laki
 * 150/1930 5 § a last day on a Saturday, Sunday or holiday moves to the next working day *before*
 * anything counts from it. The one home of this rule: benefits-handling and incomeSupportDeadlines use it.
 */

/** The last day the applicant may complete: the given deadline moved off a non-working day (150/1930 5 §). */
export function completionDeadlineOn(dueOn: LocalDate): LocalDate {
  return deadlineOnWorkingDay(parseLocalDate(dueOn, 'completion.dueOn'));
}

/** True once the completion deadline has passed: only on a day after its (moved) last day. */
export function completionDeadlinePassed(dueOn: LocalDate, today: LocalDate): boolean {
  return parseLocalDate(today, 'today') > completionDeadlineOn(dueOn);
}

/**
 * The day the §14 a decision clock counts from after a completion request (the day itself not
 * counted, 150/1930): the completion's arrival, or the moved deadline, whichever is earlier; with no
 * completion, the moved deadline. A completion arriving late buys no more time.
 */
export function decisionClockAfterCompletion(completion: { dueOn: LocalDate; arrivedOn?: LocalDate | null }): LocalDate {
  const deadline = completionDeadlineOn(completion.dueOn);
  if (completion.arrivedOn === undefined || completion.arrivedOn === null) return deadline;
  return minLocalDate(parseLocalDate(completion.arrivedOn, 'completion.arrivedOn'), deadline);
}
