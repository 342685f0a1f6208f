import { LocalDate, WorkingDayCalendar } from '@asw/calendar';
import { CaseStatus, InitiationChannel, ServiceTask } from '../domain';
import { expectRefusal } from '../domain/domain-error.testing';
import { assessmentDueDates, caseDueState, compareQueue, ROUTING_FINDING_KEYS, stepDate, validateCaseOpening, validateRoutingFindings } from './case.rules';

const d = (value: string) => value as LocalDate;
const targets = { assessmentStartWorkingDays: 7, assessmentFinishMonths: 3, calendar: new WorkingDayCalendar() };

describe('assessmentDueDates (county targets in Finnish working days)', () => {
  it.each([
    // initiated, start due (7 working days), finish due (3 months, moved off non-working days)
    ['2026-11-25', '2026-12-04', '2027-02-25'], // Wednesday; no holiday in between
    ['2026-12-18', '2026-12-31', '2027-03-18'], // over Christmas: 24, 25, 26 Dec and 1 Jan are not working days
    ['2027-03-24', '2027-04-06', '2027-06-24'], // over Easter 2027: Good Friday 26.3., Easter Monday 29.3.
    ['2026-06-15', '2026-06-25', '2026-09-15'], // over Midsummer 2026: Eve Friday 19.6.
    ['2026-11-28', '2026-12-08', '2027-03-01'], // Saturday initiation; Independence Day 6.12. is a Sunday; 28.2.2027 a Sunday
  ])('initiated %s: start due %s, finish due %s', (initiatedOn, start, finish) => {
    expect(assessmentDueDates(d(initiatedOn), targets)).toEqual({ assessmentStartDueOn: start, assessmentDueOn: finish });
  });

  it('follows the county setting', () => {
    expect(assessmentDueDates(d('2026-11-25'), { ...targets, assessmentStartWorkingDays: 3, assessmentFinishMonths: 1 })).toEqual({
      assessmentStartDueOn: '2026-11-30',
      assessmentDueOn: '2026-12-28',
    });
  });
});

describe('caseDueState', () => {
  const c = (status: CaseStatus) => ({ status, assessmentStartDueOn: d('2026-12-04'), assessmentDueOn: d('2027-02-25') });
  it.each([
    [CaseStatus.INITIATED, '2026-12-04', '2026-12-04', false],
    [CaseStatus.INITIATED, '2026-12-05', '2026-12-04', true],
    [CaseStatus.ASSESSMENT, '2026-12-05', '2027-02-25', false],
    [CaseStatus.ASSESSMENT, '2027-02-26', '2027-02-25', true],
    [CaseStatus.PLANNING, '2027-06-01', null, false],
    [CaseStatus.ACTIVE, '2027-06-01', null, false],
    [CaseStatus.CLOSED, '2027-06-01', null, false],
  ])('%s on %s: next due %s, overdue %s', (status, today, nextDueOn, overdue) => {
    expect(caseDueState(c(status), d(today))).toEqual({ nextDueOn, overdue });
  });
});

describe('compareQueue', () => {
  const at = new Date('2026-11-01T08:00:00Z');
  it('puts overdue first, then by due date, cases without a due date last', () => {
    const rows = [
      { id: 'c', overdue: false, nextDueOn: null, openedAt: at },
      { id: 'b', overdue: false, nextDueOn: d('2026-12-10'), openedAt: at },
      { id: 'a', overdue: true, nextDueOn: d('2026-12-20'), openedAt: at },
      { id: 'd', overdue: false, nextDueOn: d('2026-12-01'), openedAt: at },
      { id: 'e', overdue: true, nextDueOn: d('2026-11-20'), openedAt: at },
    ];
    expect([...rows].sort(compareQueue).map((row) => row.id)).toEqual(['e', 'a', 'd', 'b', 'c']);
  });
});

describe('validateCaseOpening', () => {
  const today = d('2026-11-25');
  const ok = { serviceTask: ServiceTask.ADULT_SOCIAL_WORK, initiationChannel: InitiationChannel.PHONE, urgent: false };
  it('defaults the day to today and the team to the caller’s', () => {
    expect(validateCaseOpening(ok, today, 'team-a')).toEqual({ ...ok, initiatedOn: today, team: 'team-a' });
  });
  it.each([
    [{ ...ok, serviceTask: 'NURSING' }, 'serviceTask'],
    [{ ...ok, initiationChannel: 'FAX' }, 'initiationChannel'],
    [{ ...ok, initiatedOn: '2026-11-26' }, 'initiatedOn'],
    [{ ...ok, initiatedOn: '2026-02-30' }, 'initiatedOn'],
    [{ ...ok, team: '  ' }, 'team'],
  ])('refuses %j on %s', (input, field) => {
    expectRefusal(() => validateCaseOpening(input as never, today, 'team-a'), 'BAD_USER_INPUT', field, { field });
  });
});

describe('stepDate', () => {
  it.each([
    [null, '2026-11-25'],
    ['2026-11-20', '2026-11-20'],
  ])('%s → %s', (value, expected) => expect(stepDate('startedOn', value, d('2026-11-20'), d('2026-11-25'))).toBe(expected));
  it.each(['2026-11-19', '2026-11-26'])('refuses %s', (value) => {
    expectRefusal(() => stepDate('startedOn', value, d('2026-11-20'), d('2026-11-25')), 'BAD_USER_INPUT', 'startedOn', { field: 'startedOn' });
  });
});

describe('validateRoutingFindings', () => {
  const all = Object.fromEntries(ROUTING_FINDING_KEYS.map((key) => [key, false]));
  it('needs every finding stated', () => {
    expect(validateRoutingFindings(all)).toEqual(all);
    expectRefusal(() => validateRoutingFindings({ ...all, student: undefined }), 'BAD_USER_INPUT', 'findings.student', { field: 'findings.student' });
  });
});
