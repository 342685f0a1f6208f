import { LocalDate } from '@asw/calendar';
import { ACTIVATION_TRIGGER_SETS, ActivationFacts, activationPlanTrigger, ActivationTriggerSet, activationTriggerSetOn, wholeMonthsBetween } from './activation-plan.rules';
import { expectRefusal } from './domain-error.testing';

/*
 * Laki kuntouttavasta työtoiminnasta 189/2001 3 §, as amended by 314/2010 and 1384/2021 (in force
 * 2.5.2022), worded as DOMAIN.md "Activation" states it:
 *   under 25 — (1) employment plan + ≥ 180 days of labour-market subsidy because of unemployment in the last
 *   12 calendar months; (2) employment plan + the full 500-day daily-allowance period; (3) a job-search
 *   discussion (no employment plan needed) + main income over the last 4 months from income support paid
 *   because of unemployment;
 *   25 or over with an earlier employment plan — (1) ≥ 180 subsidy days because of unemployment after the
 *   500-day period; (2) main income over the last 12 months from income support paid because of unemployment.
 * The expected dates below are counted by hand on a calendar, not with the code under test: "the last 4
 * months" up to 1.3.2026 begin on 1.11.2025; up to 30.6.2026 on 28.2.2026 (no 30 February, 150/1930 3 §);
 * the last 12 months up to 1.3.2026 begin on 1.3.2025.
 */
const d = (value: string) => value as LocalDate;
const none: ActivationFacts = {
  ageOn: 22,
  hasEmploymentPlan: false,
  hadEarlierEmploymentPlan: false,
  jobSearchDiscussionHeld: false,
  labourMarketSubsidyDaysLast12Months: 0,
  reachedEarningsRelated500DayLimit: false,
  labourMarketSubsidyDaysAfter500DayLimit: 0,
  unemploymentIncomeSupportAsMainIncomeSince: null,
};
const on = '2026-03-01';
const young = { ...none, ageOn: 22, hasEmploymentPlan: true };
const talked = { ...none, ageOn: 22, jobSearchDiscussionHeld: true };
const older = { ...none, ageOn: 40, hadEarlierEmploymentPlan: true };
const since = (date: string) => ({ unemploymentIncomeSupportAsMainIncomeSince: d(date) });

describe('activationPlanTrigger (189/2001 3 §, as amended by 314/2010 and 1384/2021)', () => {
  it.each([
    ['nothing', none, on, []],
    // 3 § 1 mom 1 k
    ['under 25, plan, 180 subsidy days', { ...young, labourMarketSubsidyDaysLast12Months: 180 }, on, ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS']],
    ['under 25, plan, 179 subsidy days', { ...young, labourMarketSubsidyDaysLast12Months: 179 }, on, []],
    ['under 25, no plan, 200 subsidy days', { ...young, hasEmploymentPlan: false, labourMarketSubsidyDaysLast12Months: 200 }, on, []],
    ['under 25, job-search discussion only, 200 subsidy days: (1) needs a plan', { ...talked, labourMarketSubsidyDaysLast12Months: 200 }, on, []],
    // 3 § 1 mom 2 k
    ['under 25, plan, 500-day period received', { ...young, reachedEarningsRelated500DayLimit: true }, on, ['UNDER_25_EARNINGS_RELATED_500_DAYS']],
    ['under 25, no plan, 500-day period received', { ...talked, reachedEarningsRelated500DayLimit: true }, on, []],
    // 3 § 1 mom 3 k: a job-search discussion, no employment plan required; exactly 4 months is enough
    ['under 25, discussion, no plan, since 1.11.2025 (exactly 4 months)', { ...talked, ...since('2025-11-01') }, on, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['under 25, discussion, since 2.11.2025 (a day short of 4 months)', { ...talked, ...since('2025-11-02') }, on, []],
    ['under 25, discussion, since 1.1.2025', { ...talked, ...since('2025-01-01') }, on, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['under 25, discussion, on 30.6.2026 since 28.2.2026 (month end)', { ...talked, ...since('2026-02-28') }, '2026-06-30', ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['under 25, discussion, on 30.6.2026 since 1.3.2026', { ...talked, ...since('2026-03-01') }, '2026-06-30', []],
    ['under 25, plan but no discussion, income support since 1.1.2025', { ...young, ...since('2025-01-01') }, on, []],
    ['under 25, discussion, no income support because of unemployment', talked, on, []],
    ['under 25, discussion, period starting after the day assessed', { ...talked, ...since('2026-04-01') }, on, []],
    // age on the assessment day: 24 is under 25, 25 is not
    ['24 on the day, discussion, 4 months', { ...talked, ageOn: 24, ...since('2025-11-01') }, on, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['25 on the day, discussion, 4 months: the under-25 rule no longer applies', { ...talked, ageOn: 25, ...since('2025-11-01') }, on, []],
    ['25 on the day, plan, 180 subsidy days in 12 months', { ...young, ageOn: 25, labourMarketSubsidyDaysLast12Months: 180 }, on, []],
    [
      'under 25, every ground',
      { ...young, ageOn: 24, jobSearchDiscussionHeld: true, labourMarketSubsidyDaysLast12Months: 250, reachedEarningsRelated500DayLimit: true, ...since('2025-06-15') },
      on,
      ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS', 'UNDER_25_EARNINGS_RELATED_500_DAYS', 'UNDER_25_INCOME_SUPPORT_4_MONTHS'],
    ],
    // 3 § 2 mom 1 k
    ['25+, earlier plan, 180 days after the 500-day period', { ...older, labourMarketSubsidyDaysAfter500DayLimit: 180 }, on, ['AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS']],
    ['25+, earlier plan, 179 days after the 500-day period', { ...older, labourMarketSubsidyDaysAfter500DayLimit: 179 }, on, []],
    ['25+, earlier plan, 180 subsidy days in 12 months only', { ...older, labourMarketSubsidyDaysLast12Months: 180 }, on, []],
    // 3 § 2 mom 2 k: the last 12 months
    ['25, earlier plan, since 1.3.2025 (exactly 12 months)', { ...older, ageOn: 25, ...since('2025-03-01') }, on, ['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS']],
    ['25+, earlier plan, since 2.3.2025 (a day short of 12 months)', { ...older, ...since('2025-03-02') }, on, []],
    ['25+, no earlier plan (a current one only), since 2023', { ...older, hadEarlierEmploymentPlan: false, hasEmploymentPlan: true, ...since('2023-01-01') }, on, []],
    ['25+, earlier plan and a job-search discussion, 4 months only', { ...older, jobSearchDiscussionHeld: true, ...since('2025-11-01') }, on, []],
    ['25+, 500-day period reached alone', { ...older, reachedEarningsRelated500DayLimit: true }, on, []],
    [
      '25+, both grounds',
      { ...older, ageOn: 58, labourMarketSubsidyDaysAfter500DayLimit: 400, ...since('2023-09-01') },
      on,
      ['AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS', 'AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS'],
    ],
  ])('%s', (_label, facts: ActivationFacts, day: string, basis) => {
    expect(activationPlanTrigger(facts, day)).toEqual({ triggered: basis.length > 0, basis, ruleSetVersion: '189/2001@2025-01-01' });
  });

  it.each([
    ['a negative age', { ageOn: -1 }, 'ageOn must be a whole number', { field: 'ageOn' }],
    ['negative subsidy days', { labourMarketSubsidyDaysLast12Months: -3 }, 'labourMarketSubsidyDaysLast12Months', { field: 'labourMarketSubsidyDaysLast12Months' }],
    ['fractional subsidy days', { labourMarketSubsidyDaysAfter500DayLimit: 4.5 }, 'labourMarketSubsidyDaysAfter500DayLimit', { field: 'labourMarketSubsidyDaysAfter500DayLimit' }],
    ['an unstated discussion', { jobSearchDiscussionHeld: undefined as never }, 'jobSearchDiscussionHeld must be stated', { field: 'jobSearchDiscussionHeld' }],
    ['a period start that is no date', { unemploymentIncomeSupportAsMainIncomeSince: d('2025-02-30') }, 'not a real calendar date', { field: 'unemploymentIncomeSupportAsMainIncomeSince' }],
  ])('refuses %s', (_label, override: Partial<ActivationFacts>, message, details) => {
    expectRefusal(() => activationPlanTrigger({ ...none, ...override }, on), 'BAD_USER_INPUT', message, details);
  });

  it.each([
    ['2022-05-01', 'No activation plan trigger set is known for 2022-05-01'],
    ['2025-13-01', 'on is not a real calendar date'],
  ])('refuses evaluating on %s', (date, message) => {
    expectRefusal(() => activationPlanTrigger(none, date), 'BAD_USER_INPUT', message, { field: 'on' });
  });
});

describe('activationTriggerSetOn: the set in force on the day', () => {
  // 1384/2021 came into force on 2.5.2022 (HE 167/2021, the Nordic labour-market service model); the
  // employment authority moved to the municipalities on 1.1.2025 (laki 380/2023, 399/2023).
  it.each([
    ['2022-05-01', null],
    ['2022-05-02', '189/2001@2022-05-02'],
    ['2024-12-31', '189/2001@2022-05-02'],
    ['2025-01-01', '189/2001@2025-01-01'],
  ])('on %s: %s', (date, version) => {
    if (version === null) expectRefusal(() => activationTriggerSetOn(date), 'BAD_USER_INPUT', 'No activation plan trigger set', { field: 'on' });
    else expect(activationTriggerSetOn(date).version).toBe(version);
  });

  it('each set cites 3 § and the amending acts', () => {
    for (const set of ACTIVATION_TRIGGER_SETS) expect(set.legalBasis).toMatch(/189\/2001 3 § \(muut\. 314\/2010, 1384\/2021/);
  });

  it('the day after 1384/2021 took effect, the under-25 income-support trigger needs the discussion, not a plan', () => {
    const facts = { ...talked, ...since('2022-01-01') };
    expect(activationPlanTrigger(facts, '2022-05-02')).toEqual({ triggered: true, basis: ['UNDER_25_INCOME_SUPPORT_4_MONTHS'], ruleSetVersion: '189/2001@2022-05-02' });
  });

  // A hypothetical later set (say, HE 109/2025 enacted) takes over from its validFrom.
  const later: ActivationTriggerSet = { version: 'future', validFrom: '2026-07-01', legalBasis: 'test', triggers: [] };
  const sets = [...ACTIVATION_TRIGGER_SETS, later];

  it.each([
    ['2026-06-30', '189/2001@2025-01-01'],
    ['2026-07-01', 'future'],
    ['2030-01-01', 'future'],
  ])('with a later set, on %s uses %s', (date, version) => {
    expect(activationTriggerSetOn(date, sets).version).toBe(version);
  });

  it('evaluates with the set in force, so a newer set can trigger nothing', () => {
    const facts = { ...talked, ...since('2025-06-01') };
    expect(activationPlanTrigger(facts, '2026-06-30', sets).triggered).toBe(true);
    expect(activationPlanTrigger(facts, '2026-07-01', sets)).toEqual({ triggered: false, basis: [], ruleSetVersion: 'future' });
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2025-11-01', '2026-03-01', 4],
    ['2025-11-02', '2026-03-01', 3],
    ['2026-02-28', '2026-06-30', 4],
    ['2026-03-01', '2026-03-01', 0],
    ['2026-04-01', '2026-03-01', 0],
    ['2025-03-01', '2026-03-01', 12],
  ])('%s → %s: %i', (from, to, months) => {
    expect(wholeMonthsBetween(d(from), d(to))).toBe(months);
  });
});
