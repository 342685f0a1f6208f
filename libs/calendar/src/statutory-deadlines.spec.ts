import { DomainError } from '@asw/platform';
import { LocalDate } from './local-date';
import {
  assessmentTargets, decisionNotification, dueStatus, IncomeSupportApplicationDates, incomeSupportDeadlines,
  incomeSupportMeetingDueOn,
} from './statutory-deadlines';
import { deadlineOnWorkingDay } from './time-limit';
import { WorkingDayCalendar } from './working-days';

const monFri = new WorkingDayCalendar();
const withSaturdays = new WorkingDayCalendar({ countSaturdays: true });
const at = (value: string) => value as LocalDate;

const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('deadlineOnWorkingDay (Act 150/1930 5 §)', () => {
  it.each([
    ['2026-03-04', '2026-03-04'], // Wednesday stays
    ['2026-03-07', '2026-03-09'], // Saturday
    ['2026-03-08', '2026-03-09'], // Sunday
    ['2026-04-03', '2026-04-07'], // Good Friday → past Easter Monday
    ['2026-05-01', '2026-05-04'], // May Day (Friday)
    ['2026-06-19', '2026-06-22'], // Midsummer Eve
    ['2026-12-24', '2026-12-28'], // Christmas Eve
    ['2026-12-31', '2026-12-31'], // New Year's Eve is an ordinary day
    ['2027-12-06', '2027-12-07'], // Independence Day (Monday)
  ])('%s → %s', (date, expected) => {
    expect(deadlineOnWorkingDay(at(date))).toBe(expected);
  });
});

describe('decisionNotification (Hallintolaki 59 § and 49 c §)', () => {
  it.each([
    // sentOn, deemed received (+7, never moved), appeal deadline (+30, moved)
    ['2026-03-02', '2026-03-09', '2026-04-08'], // ordinary weekday
    ['2026-03-07', '2026-03-14', '2026-04-13'], // received on a Saturday is not moved
    ['2026-04-09', '2026-04-16', '2026-05-18'], // 30th day Saturday 16.5. → Monday
    ['2026-11-17', '2026-11-24', '2026-12-28'], // 30th day Christmas Eve → Monday after Christmas
    ['2026-05-13', '2026-05-20', '2026-06-22'], // 30th day Midsummer Eve → Monday
    ['2027-02-17', '2027-02-24', '2027-03-30'], // 30th day Good Friday → Tuesday after Easter Monday
  ])('sent %s: deemed received %s, appeal by %s', (sentOn, deemedReceivedOn, appealDeadline) => {
    expect(decisionNotification(at(sentOn))).toEqual({ sentOn, deemedReceivedOn, appealDeadline });
  });
});

describe('incomeSupportDeadlines (toimeentulotukilaki 14 a §)', () => {
  it.each<[string, IncomeSupportApplicationDates, WorkingDayCalendar, string, string]>([
    // description, application, calendar, decisionDueOn, completionRequestDueOn
    ['ordinary, Monday', { receivedOn: at('2026-03-02'), urgent: false }, monFri, '2026-03-11', '2026-03-11'],
    ['ordinary, spanning Easter', { receivedOn: at('2026-04-02'), urgent: false }, monFri, '2026-04-15', '2026-04-15'],
    ['ordinary, spanning Christmas and New Year', { receivedOn: at('2026-12-22'), urgent: false }, monFri, '2027-01-05', '2027-01-05'],
    ['ordinary, spanning Christmas, Saturdays counted', { receivedOn: at('2026-12-22'), urgent: false }, withSaturdays, '2027-01-04', '2027-01-04'],
    ['ordinary, spanning Midsummer', { receivedOn: at('2026-06-17'), urgent: false }, monFri, '2026-06-29', '2026-06-29'],
    // With Saturdays the 7th working day is Saturday 27.6., which 150/1930 moves to Monday.
    ['ordinary, spanning Midsummer, Saturdays counted', { receivedOn: at('2026-06-17'), urgent: false }, withSaturdays, '2026-06-29', '2026-06-29'],
    ['ordinary, Friday, Mon–Fri', { receivedOn: at('2026-03-06'), urgent: false }, monFri, '2026-03-17', '2026-03-17'],
    // Sat 7.3. (1) ... Sat 14.3. (7) → moved to Monday 16.3.
    ['ordinary, Friday, Saturdays counted', { receivedOn: at('2026-03-06'), urgent: false }, withSaturdays, '2026-03-16', '2026-03-16'],
    ['ordinary, arrived on a Sunday', { receivedOn: at('2026-03-08'), urgent: false }, monFri, '2026-03-17', '2026-03-17'],
    ['urgent, Monday', { receivedOn: at('2026-03-02'), urgent: true }, monFri, '2026-03-03', '2026-03-11'],
    ['urgent, Friday', { receivedOn: at('2026-03-06'), urgent: true }, monFri, '2026-03-09', '2026-03-17'],
    ['urgent, Friday, Saturdays counted (Saturday moved to Monday)', { receivedOn: at('2026-03-06'), urgent: true }, withSaturdays, '2026-03-09', '2026-03-16'],
    ['urgent, Saturday', { receivedOn: at('2026-03-07'), urgent: true }, monFri, '2026-03-09', '2026-03-17'],
    ['urgent, Midsummer Eve', { receivedOn: at('2026-06-19'), urgent: true }, monFri, '2026-06-22', '2026-06-30'],
    ['urgent, Thursday before Easter', { receivedOn: at('2026-04-02'), urgent: true }, monFri, '2026-04-07', '2026-04-15'],
    [
      'completion arrived before its deadline: 7th working day after arrival of the completion',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-18'), arrivedOn: at('2026-03-12') } },
      monFri, '2026-03-23', '2026-03-11',
    ],
    [
      'completion not arrived: 7th working day after its deadline',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-18') } },
      monFri, '2026-03-27', '2026-03-11',
    ],
    [
      'completion arrived late: the deadline, being earlier, counts',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-18'), arrivedOn: at('2026-03-20') } },
      monFri, '2026-03-27', '2026-03-11',
    ],
    [
      'completion deadline on a Saturday is itself moved to Monday 23.3. (150/1930)',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-21') } },
      monFri, '2026-04-01', '2026-03-11',
    ],
    [
      'completion arrived on the Monday its Saturday deadline moved to',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-21'), arrivedOn: at('2026-03-23') } },
      monFri, '2026-04-01', '2026-03-11',
    ],
    [
      'urgent with completion: the next working day after the completion arrives',
      { receivedOn: at('2026-03-02'), urgent: true, completion: { requestedOn: at('2026-03-02'), dueOn: at('2026-03-06'), arrivedOn: at('2026-03-05') } },
      monFri, '2026-03-06', '2026-03-11',
    ],
    [
      'completion requested and due on the day of arrival',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-02'), dueOn: at('2026-03-02') } },
      monFri, '2026-03-11', '2026-03-11',
    ],
  ])('%s', (_description, application, calendar, decisionDueOn, completionRequestDueOn) => {
    expect(incomeSupportDeadlines(application, calendar)).toEqual({ decisionDueOn, completionRequestDueOn });
  });

  it.each<[string, IncomeSupportApplicationDates, string]>([
    ['completion requested before the application arrived',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-01'), dueOn: at('2026-03-10') } }, 'completion.requestedOn'],
    ['completion due before it was requested',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-03') } }, 'completion.dueOn'],
    ['completion arrived before it was requested',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-03-10'), arrivedOn: at('2026-03-03') } }, 'completion.arrivedOn'],
    ['impossible arrival date', { receivedOn: at('2026-02-30'), urgent: false }, 'receivedOn'],
    ['impossible completion due date',
      { receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-04'), dueOn: at('2026-04-31') } }, 'completion.dueOn'],
  ])('refuses %s', (_description, application, field) => {
    const error = refusal(() => incomeSupportDeadlines(application, monFri));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field });
  });

  it.each([
    ['2026-03-02', monFri, '2026-03-11'],
    ['2026-12-22', monFri, '2027-01-05'],
  ])('a personal meeting asked for on %s is due by the 7th working day', (requestedOn, calendar, expected) => {
    expect(incomeSupportMeetingDueOn(at(requestedOn), calendar)).toBe(expected);
  });
});

describe('assessmentTargets (Sosiaalihuoltolaki 36 §, county targets)', () => {
  it.each([
    // initiatedOn, start working days, finish months, calendar, startDueOn, finishDueOn
    ['2026-11-30', undefined, undefined, monFri, '2026-12-09', '2027-03-01'], // 28.2.2027 is a Sunday → Monday
    ['2027-11-30', undefined, undefined, monFri, '2027-12-10', '2028-02-29'], // leap year: 29.2.2028 is a Tuesday
    ['2026-01-31', 0, 1, monFri, '2026-02-02', '2026-03-02'], // 31.1. + 1 month = Saturday 28.2. → Monday
    ['2026-03-06', 7, 3, withSaturdays, '2026-03-16', '2026-06-08'], // start lands on Saturday 14.3. → Monday
    ['2026-03-20', 10, 3, monFri, '2026-04-07', '2026-06-22'], // start skips Easter; finish 20.6. Midsummer Day → Monday
    ['2026-09-24', 5, 3, monFri, '2026-10-01', '2026-12-28'], // finish 24.12. Christmas Eve → Monday
  ])('initiated %s (start %p wd, finish %p months, %o): start by %s, finish by %s', (initiatedOn, start, finish, calendar, startDueOn, finishDueOn) => {
    expect(assessmentTargets({ initiatedOn: at(initiatedOn), startWithinWorkingDays: start, finishWithinMonths: finish }, calendar))
      .toEqual({ startDueOn, finishDueOn });
  });

  it.each([
    [{ startWithinWorkingDays: -1 }, 'startWithinWorkingDays'],
    [{ startWithinWorkingDays: 2.5 }, 'startWithinWorkingDays'],
    [{ finishWithinMonths: 0 }, 'finishWithinMonths'],
    [{ finishWithinMonths: 1.5 }, 'finishWithinMonths'],
  ])('refuses %p', (targets, field) => {
    const error = refusal(() => assessmentTargets({ initiatedOn: at('2026-03-02'), ...targets }, monFri));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field });
  });
});

describe('dueStatus', () => {
  it.each([
    ['2026-03-11', '2026-03-09', monFri, false, 2],
    ['2026-03-11', '2026-03-11', monFri, false, 0],
    ['2026-03-11', '2026-03-12', monFri, true, -1],
    ['2026-03-13', '2026-03-14', monFri, true, 0], // due Friday, Saturday: overdue, no working day lost yet
    ['2026-03-13', '2026-03-16', monFri, true, -1],
    ['2026-03-13', '2026-03-14', withSaturdays, true, -1],
    ['2026-04-15', '2026-04-02', monFri, false, 7],
    ['2027-01-05', '2026-12-23', monFri, false, 6],
  ])('due %s, today %s (%o): overdue %p, %i working days', (dueOn, today, calendar, overdue, dueInWorkingDays) => {
    expect(dueStatus(at(dueOn), at(today), calendar)).toEqual({ overdue, dueInWorkingDays });
  });
});
