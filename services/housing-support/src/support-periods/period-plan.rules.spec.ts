import { DomainError } from '@asw/platform';
import { GuidanceArea, SupportPeriod, SupportPeriodStatus, VisitFrequency, Weekday } from '../domain';
import { recordPlan } from './period-plan.rules';

const planning: SupportPeriod = {
  status: SupportPeriodStatus.PLANNING,
  startsOn: null,
  endsOn: null,
  goals: [],
  visitSchedule: null,
  endedOn: null,
  endCause: null,
  outcome: null,
};
const plan = {
  startsOn: '2026-12-01',
  endsOn: '2027-05-31',
  goals: [{ area: GuidanceArea.LOOKING_AFTER_THE_HOME, text: '  Siivous  viikoittain ' }],
  visitSchedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.TUESDAY },
};

describe('recordPlan', () => {
  it('sets the term, normalised goals and the schedule of a period in planning', () => {
    expect(recordPlan(planning, plan)).toEqual({
      ...planning,
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      goals: [{ area: GuidanceArea.LOOKING_AFTER_THE_HOME, text: 'Siivous viikoittain' }],
      visitSchedule: plan.visitSchedule,
    });
  });

  it('accepts a plan without a visit schedule yet', () => {
    expect(recordPlan(planning, { ...plan, visitSchedule: null }).visitSchedule).toBeNull();
  });

  it.each([
    { name: 'end before start', change: { endsOn: '2026-11-30' }, code: 'BAD_USER_INPUT' },
    { name: 'end on the start day', change: { endsOn: '2026-12-01' }, code: 'BAD_USER_INPUT' },
    { name: 'term over 36 months', change: { endsOn: '2029-12-02' }, code: 'BAD_USER_INPUT' },
    { name: 'empty goal', change: { goals: [{ area: GuidanceArea.OWN_WELLBEING, text: ' ' }] }, code: 'BAD_USER_INPUT' },
  ])('refuses $name as $code', ({ change, code }) => {
    expect(() => recordPlan(planning, { ...plan, ...change })).toThrow(expect.objectContaining({ code }) as DomainError);
  });

  it.each([SupportPeriodStatus.ACTIVE, SupportPeriodStatus.ENDED])('refuses a new plan for a %s period as CONFLICT', (status) => {
    expect(() => recordPlan({ ...planning, status }, plan)).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as DomainError);
  });
});
