import { DomainError } from '@asw/platform';
import { GuidanceArea, SupportPeriod, SupportPeriodStatus, VisitFrequency, Weekday } from '../domain';
import { planProblems, recordPlan } from './period-plan.rules';

/** The decision granting housing support, valid 1.12.2026–31.5.2027. */
const decision = { validFrom: '2026-12-01', validUntil: '2027-05-31' };
const unknownValidity = { validFrom: null, validUntil: null };

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
    expect(recordPlan(planning, plan, decision)).toEqual({
      ...planning,
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      goals: [{ area: GuidanceArea.LOOKING_AFTER_THE_HOME, text: 'Siivous viikoittain' }],
      visitSchedule: plan.visitSchedule,
    });
  });

  it('accepts a plan without a visit schedule yet', () => {
    expect(recordPlan(planning, { ...plan, visitSchedule: null }, decision).visitSchedule).toBeNull();
  });

  it.each([
    { name: 'end before start', change: { endsOn: '2026-11-30' }, code: 'BAD_USER_INPUT' },
    { name: 'end on the start day', change: { endsOn: '2026-12-01' }, code: 'BAD_USER_INPUT' },
    { name: 'term over 36 months', change: { endsOn: '2029-12-02' }, code: 'BAD_USER_INPUT' },
    { name: 'empty goal', change: { goals: [{ area: GuidanceArea.OWN_WELLBEING, text: ' ' }] }, code: 'BAD_USER_INPUT' },
  ])('refuses $name as $code', ({ change, code }) => {
    expect(() => recordPlan(planning, { ...plan, ...change }, unknownValidity)).toThrow(expect.objectContaining({ code }) as DomainError);
  });

  it.each([SupportPeriodStatus.ACTIVE, SupportPeriodStatus.ENDED])('refuses a new plan for a %s period as CONFLICT', (status) => {
    expect(() => recordPlan({ ...planning, status }, plan, decision)).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as DomainError);
  });

  // SHL 1301/2014 45 §: the service is granted by the decision, so the plan's term lies within the
  // decision's validity; DOMAIN.md (asumissosiaalinen työ): the service starts with a plan of personal goals.
  it.each([
    { name: 'within the decision, to its last day', term: { startsOn: '2026-12-01', endsOn: '2027-05-31' }, goals: 1, validity: decision, reasons: [] },
    { name: 'one day beyond the decision', term: { startsOn: '2026-12-01', endsOn: '2027-06-01' }, goals: 1, validity: decision, reasons: ['input.endsOn PLAN_BEYOND_DECISION'] },
    { name: 'no goals', term: { startsOn: '2026-12-01', endsOn: '2027-05-31' }, goals: 0, validity: decision, reasons: ['input.goals PLAN_WITHOUT_GOALS'] },
    {
      name: 'beyond the decision and no goals: both at once',
      term: { startsOn: '2026-12-01', endsOn: '2027-12-31' },
      goals: 0,
      validity: decision,
      reasons: ['input.endsOn PLAN_BEYOND_DECISION', 'input.goals PLAN_WITHOUT_GOALS'],
    },
    { name: 'an open-ended decision: only the fixed-term rule', term: { startsOn: '2026-12-01', endsOn: '2029-11-30' }, goals: 1, validity: { validFrom: '2026-12-01', validUntil: null }, reasons: [] },
  ])('planProblems: $name', ({ term, goals, validity, reasons }) => {
    expect(planProblems(term, goals, validity).map((p) => `${p.field} ${p.reason}`)).toEqual(reasons);
  });

  it('refuses a plan beyond the decision with no goals as BAD_USER_INPUT listing both', () => {
    expect(() => recordPlan(planning, { ...plan, endsOn: '2027-06-30', goals: [] }, decision)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ reason: 'PLAN_BEYOND_DECISION', problems: expect.any(Array) }) }) as DomainError,
    );
  });
});
