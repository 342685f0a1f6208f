import { DomainError } from '@asw/platform';
import { GuidanceArea, SupportPeriod, SupportPeriodEndCause, SupportPeriodOutcome, SupportPeriodStatus, VisitFrequency, Weekday } from '../domain';
import { validateVisit, visitPlanStatus } from './support-visit.rules';

const active: SupportPeriod = {
  status: SupportPeriodStatus.ACTIVE,
  startsOn: '2026-11-02',
  endsOn: '2027-04-30',
  goals: [{ area: GuidanceArea.LOOKING_AFTER_THE_HOME, text: 'Siivous' }],
  visitSchedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.TUESDAY },
  endedOn: null,
  endCause: null,
  outcome: null,
};
const visit = { visitedOn: '2026-11-10', durationMinutes: 60, guidanceAreas: [GuidanceArea.LOOKING_AFTER_THE_HOME] };
const today = '2026-11-25';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('validateVisit', () => {
  it('accepts a done visit within a running period', () => {
    expect(validateVisit(active, visit, today)).toEqual(visit);
  });

  it('accepts a visit without a duration, and one written up after the period ended', () => {
    const ended = { ...active, status: SupportPeriodStatus.ENDED, endedOn: '2026-11-20', endCause: SupportPeriodEndCause.ENDED_BY_WORKER, outcome: SupportPeriodOutcome.GOALS_MET };
    expect(validateVisit(ended, { ...visit, visitedOn: '2026-11-20', durationMinutes: null }, today).durationMinutes).toBeNull();
  });

  it.each([
    { name: 'a future visit', period: active, change: { visitedOn: '2026-11-26' }, code: 'BAD_USER_INPUT' },
    { name: 'a visit before the start', period: active, change: { visitedOn: '2026-11-01' }, code: 'BAD_USER_INPUT' },
    { name: 'a visit after the period ended', period: { ...active, status: SupportPeriodStatus.ENDED, endedOn: '2026-11-05' }, change: {}, code: 'BAD_USER_INPUT' },
    { name: 'no guidance area', period: active, change: { guidanceAreas: [] }, code: 'BAD_USER_INPUT' },
    { name: 'an area twice', period: active, change: { guidanceAreas: [GuidanceArea.OWN_WELLBEING, GuidanceArea.OWN_WELLBEING] }, code: 'BAD_USER_INPUT' },
    { name: 'zero minutes', period: active, change: { durationMinutes: 0 }, code: 'BAD_USER_INPUT' },
    { name: 'a not-a-date', period: active, change: { visitedOn: '2026-02-30' }, code: 'BAD_USER_INPUT' },
    { name: 'a visit in a period still being planned', period: { ...active, status: SupportPeriodStatus.PLANNING }, change: {}, code: 'CONFLICT' },
  ])('refuses $name as $code', ({ period, change, code }) => {
    expect(codeOf(() => validateVisit(period, { ...visit, ...change }, today))).toBe(code);
  });
});

describe('visitPlanStatus', () => {
  it.each([
    {
      name: 'weekly Tuesdays, one done in time, one done two days late, one missed, one not yet due',
      period: { ...active, endsOn: '2026-11-30' },
      done: ['2026-11-03', '2026-11-12'],
      today: '2026-11-25',
      planned: ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'],
      missed: ['2026-11-17'],
    },
    {
      name: 'an ended period plans visits only until it ended',
      period: { ...active, status: SupportPeriodStatus.ENDED, endedOn: '2026-11-11' },
      done: [],
      today: '2026-11-25',
      planned: ['2026-11-03', '2026-11-10'],
      missed: ['2026-11-03', '2026-11-10'],
    },
    { name: 'a period in planning has no planned visits', period: { ...active, status: SupportPeriodStatus.PLANNING }, done: [], today, planned: [], missed: [] },
    { name: 'no schedule, no planned visits', period: { ...active, visitSchedule: null }, done: [], today, planned: [], missed: [] },
  ])('$name', ({ period, done, today, planned, missed }) => {
    expect(visitPlanStatus(period, done, today)).toEqual({ planned, missed });
  });
});
