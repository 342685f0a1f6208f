import { badInput } from '@asw/platform';
import { addDays, addMonths, LocalDate, parseLocalDate } from './local-date';
import { decisionClockAfterCompletion } from './income-support-completion';
import { deadlineOnWorkingDay } from './time-limit';
import { WorkingDayCalendar } from './working-days';

/** n working days after `from` in the county's calendar, then moved off a Saturday by 150/1930 5 §. */
function workingDaysAfter(from: LocalDate, workingDays: number, calendar: WorkingDayCalendar): LocalDate {
  return deadlineOnWorkingDay(calendar.addWorkingDays(from, workingDays));
}

/** Oikaisuvaatimus (Hallintolaki 434/2003 49 c §): 30 days from notification, the day of notification not counted. */
export const APPEAL_PERIOD_DAYS = 30;
/** Hallintolaki 59 §: a decision sent by ordinary post is deemed received on the 7th day after sending. */
export const POSTAL_NOTIFICATION_DAYS = 7;

/** Last day to request review (oikaisuvaatimus) of a decision notified on `notifiedOn`. */
export function appealDeadlineAfterNotification(notifiedOn: LocalDate): LocalDate {
  return deadlineOnWorkingDay(addDays(parseLocalDate(notifiedOn, 'notifiedOn'), APPEAL_PERIOD_DAYS));
}

export interface DecisionNotification {
  sentOn: LocalDate;
  /** Presumed day of receipt; a presumption, not a time limit, so it is not moved off weekends. */
  deemedReceivedOn: LocalDate;
  /** Last day for an oikaisuvaatimus. */
  appealDeadline: LocalDate;
}

/** Päätöksen tiedoksianto: dates that follow from posting a decision (§45 decisions, Hallintolaki 59 § and 49 c §). */
export function decisionNotification(sentOn: LocalDate): DecisionNotification {
  const sent = parseLocalDate(sentOn, 'sentOn');
  const deemedReceivedOn = addDays(sent, POSTAL_NOTIFICATION_DAYS);
  return { sentOn: sent, deemedReceivedOn, appealDeadline: appealDeadlineAfterNotification(deemedReceivedOn) };
}

/** Toimeentulotukilaki 1412/1997 14 a §: ordinary decisions and completion requests within 7 working days. */
export const INCOME_SUPPORT_WORKING_DAYS = 7;

export interface IncomeSupportCompletion {
  /** Day the specific request for completion (täydennyspyyntö) was sent. */
  requestedOn: LocalDate;
  /** Deadline given to the applicant for the completion. */
  dueOn: LocalDate;
  /** Day the completion arrived, if it has. */
  arrivedOn?: LocalDate;
}

export interface IncomeSupportApplicationDates {
  /** Day the application arrived (saapui) at the county or at Kela. */
  receivedOn: LocalDate;
  urgent: boolean;
  completion?: IncomeSupportCompletion;
}

export interface IncomeSupportDeadlines {
  decisionDueOn: LocalDate;
  completionRequestDueOn: LocalDate;
}

/**
 * Toimeentulotuki deadlines under 14 a §. Ordinary: decision by the 7th working day after arrival.
 * Urgent: the same or the next working day, so due on the first working day after arrival.
 * A completion request is due by the 7th working day after arrival. After a completion request the
 * decision is due by the 7th working day (urgent: the next working day) after the completion arrives
 * or its deadline passes, whichever is earlier; the applicant's deadline itself is moved off weekends
 * and holidays by 150/1930 5 §, since it is a time limit for the applicant's action.
 */
export function incomeSupportDeadlines(application: IncomeSupportApplicationDates, calendar: WorkingDayCalendar): IncomeSupportDeadlines {
  const receivedOn = parseLocalDate(application.receivedOn, 'receivedOn');
  const decisionWorkingDays = application.urgent ? 1 : INCOME_SUPPORT_WORKING_DAYS;
  const completionRequestDueOn = workingDaysAfter(receivedOn, INCOME_SUPPORT_WORKING_DAYS, calendar);
  const { completion } = application;
  if (!completion) return { decisionDueOn: workingDaysAfter(receivedOn, decisionWorkingDays, calendar), completionRequestDueOn };

  const requestedOn = parseLocalDate(completion.requestedOn, 'completion.requestedOn');
  const dueOn = parseLocalDate(completion.dueOn, 'completion.dueOn');
  const arrivedOn = completion.arrivedOn === undefined ? undefined : parseLocalDate(completion.arrivedOn, 'completion.arrivedOn');
  if (requestedOn < receivedOn) {
    throw badInput('completion.requestedOn must not be before the application was received', { field: 'completion.requestedOn' });
  }
  if (dueOn < requestedOn) throw badInput('completion.dueOn must not be before completion.requestedOn', { field: 'completion.dueOn' });
  if (arrivedOn !== undefined && arrivedOn < requestedOn) {
    throw badInput('completion.arrivedOn must not be before completion.requestedOn', { field: 'completion.arrivedOn' });
  }
  const countFrom = decisionClockAfterCompletion({ dueOn, arrivedOn });
  return { decisionDueOn: workingDaysAfter(countFrom, decisionWorkingDays, calendar), completionRequestDueOn };
}

/** 14 a §: a client who asks for a personal meeting with a social worker or instructor gets one by the 7th working day. */
export function incomeSupportMeetingDueOn(requestedOn: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  return workingDaysAfter(parseLocalDate(requestedOn, 'requestedOn'), INCOME_SUPPORT_WORKING_DAYS, calendar);
}

export interface AssessmentTargetInput {
  /** Day the case became pending (vireilletulo, Sosiaalihuoltolaki 34–35 §). */
  initiatedOn: LocalDate;
  startWithinWorkingDays?: number;
  finishWithinMonths?: number;
}

export interface AssessmentTargets {
  startDueOn: LocalDate;
  finishDueOn: LocalDate;
}

/**
 * Palvelutarpeen arviointi (Sosiaalihuoltolaki 1301/2014 36 §): the law sets working-age adults no day
 * count, so these are county targets (default 7 working days to start, 3 months to finish). Months are
 * calendar months with month-end clamping (150/1930 3 §); both ends are moved off non-working days.
 */
export function assessmentTargets(input: AssessmentTargetInput, calendar: WorkingDayCalendar): AssessmentTargets {
  const initiatedOn = parseLocalDate(input.initiatedOn, 'initiatedOn');
  const { startWithinWorkingDays = 7, finishWithinMonths = 3 } = input;
  if (!Number.isInteger(startWithinWorkingDays) || startWithinWorkingDays < 0) {
    throw badInput('startWithinWorkingDays must be a whole number of at least 0', { field: 'startWithinWorkingDays' });
  }
  if (!Number.isInteger(finishWithinMonths) || finishWithinMonths < 1) {
    throw badInput('finishWithinMonths must be a whole number of at least 1', { field: 'finishWithinMonths' });
  }
  return {
    startDueOn: workingDaysAfter(initiatedOn, startWithinWorkingDays, calendar),
    finishDueOn: deadlineOnWorkingDay(addMonths(initiatedOn, finishWithinMonths)),
  };
}

export interface DueStatus {
  overdue: boolean;
  /** Working days left (0 on the due day); negative once overdue. */
  dueInWorkingDays: number;
}

/**
 * Where `today` stands against `dueOn`. Overdue is by date: on a non-working day right after the due
 * day a case is already overdue while `dueInWorkingDays` is still 0.
 */
export function dueStatus(dueOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar): DueStatus {
  const due = parseLocalDate(dueOn, 'dueOn');
  const now = parseLocalDate(today, 'today');
  return { overdue: now > due, dueInWorkingDays: calendar.workingDaysBetween(now, due) };
}
