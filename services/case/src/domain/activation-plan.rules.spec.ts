import { ACTIVATION_TRIGGER_SETS, ActivationFacts, activationPlanTrigger, ActivationTriggerSet, activationTriggerSetOn } from './activation-plan.rules';
import { expectRefusal } from './domain-error.testing';

const none: ActivationFacts = {
  ageOn: 22,
  hasEmploymentPlan: false,
  hadEarlierEmploymentPlan: false,
  labourMarketSubsidyDaysLast12Months: 0,
  reachedEarningsRelated500DayLimit: false,
  labourMarketSubsidyDaysAfter500DayLimit: 0,
  monthsIncomeSupportAsMainIncome: 0,
};
const on = '2025-06-02';
const young = { ...none, ageOn: 22, hasEmploymentPlan: true };
const older = { ...none, ageOn: 40, hadEarlierEmploymentPlan: true };

describe('activationPlanTrigger', () => {
  it.each([
    ['nothing', none, []],
    ['under 25, plan, 180 subsidy days', { ...young, labourMarketSubsidyDaysLast12Months: 180 }, ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS']],
    ['under 25, plan, 179 subsidy days', { ...young, labourMarketSubsidyDaysLast12Months: 179 }, []],
    ['under 25, no plan, 200 subsidy days', { ...young, hasEmploymentPlan: false, labourMarketSubsidyDaysLast12Months: 200 }, []],
    ['under 25, only an earlier plan', { ...young, hasEmploymentPlan: false, hadEarlierEmploymentPlan: true, monthsIncomeSupportAsMainIncome: 6 }, []],
    ['under 25, plan, 500-day period reached', { ...young, reachedEarningsRelated500DayLimit: true }, ['UNDER_25_EARNINGS_RELATED_500_DAYS']],
    ['under 25, plan, income support 4 months', { ...young, monthsIncomeSupportAsMainIncome: 4 }, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['under 25, plan, income support 3 months', { ...young, monthsIncomeSupportAsMainIncome: 3 }, []],
    [
      'under 25, every ground',
      { ...young, ageOn: 24, labourMarketSubsidyDaysLast12Months: 250, reachedEarningsRelated500DayLimit: true, monthsIncomeSupportAsMainIncome: 5 },
      ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS', 'UNDER_25_EARNINGS_RELATED_500_DAYS', 'UNDER_25_INCOME_SUPPORT_4_MONTHS'],
    ],
    ['25, income support 4 months: the under-25 rule no longer applies', { ...older, ageOn: 25, hasEmploymentPlan: true, monthsIncomeSupportAsMainIncome: 4 }, []],
    ['25+, earlier plan, 180 days after the 500-day period', { ...older, labourMarketSubsidyDaysAfter500DayLimit: 180 }, ['AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS']],
    ['25+, earlier plan, 179 days after the 500-day period', { ...older, labourMarketSubsidyDaysAfter500DayLimit: 179 }, []],
    ['25+, earlier plan, 180 subsidy days in 12 months only', { ...older, labourMarketSubsidyDaysLast12Months: 180 }, []],
    ['25+, earlier plan, income support 12 months', { ...older, ageOn: 25, monthsIncomeSupportAsMainIncome: 12 }, ['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS']],
    ['25+, earlier plan, income support 11 months', { ...older, monthsIncomeSupportAsMainIncome: 11 }, []],
    ['25+, no earlier plan, income support 24 months', { ...older, hadEarlierEmploymentPlan: false, hasEmploymentPlan: true, monthsIncomeSupportAsMainIncome: 24 }, []],
    ['25+, 500-day period reached alone', { ...older, reachedEarningsRelated500DayLimit: true }, []],
    [
      '25+, both grounds',
      { ...older, ageOn: 58, labourMarketSubsidyDaysAfter500DayLimit: 400, monthsIncomeSupportAsMainIncome: 30 },
      ['AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS', 'AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS'],
    ],
  ])('%s', (_label, facts: ActivationFacts, basis) => {
    expect(activationPlanTrigger(facts, on)).toEqual({ triggered: basis.length > 0, basis, ruleSetVersion: '189/2001@2025-01-01' });
  });

  it.each([
    ['a negative age', { ageOn: -1 }, 'ageOn must be a whole number', { field: 'ageOn' }],
    ['fractional months', { monthsIncomeSupportAsMainIncome: 4.5 }, 'monthsIncomeSupportAsMainIncome', { field: 'monthsIncomeSupportAsMainIncome' }],
    ['negative subsidy days', { labourMarketSubsidyDaysLast12Months: -3 }, 'labourMarketSubsidyDaysLast12Months', { field: 'labourMarketSubsidyDaysLast12Months' }],
  ])('refuses %s', (_label, override: Partial<ActivationFacts>, message, details) => {
    expectRefusal(() => activationPlanTrigger({ ...none, ...override }, on), 'BAD_USER_INPUT', message, details);
  });

  it.each([
    ['2024-12-31', 'No activation plan trigger set is known for 2024-12-31'],
    ['2025-13-01', 'on is not a real calendar date'],
  ])('refuses evaluating on %s', (date, message) => {
    expectRefusal(() => activationPlanTrigger(none, date), 'BAD_USER_INPUT', message, { field: 'on' });
  });
});

describe('activationTriggerSetOn', () => {
  // A hypothetical later set (say, HE 109/2025 enacted) takes over from its validFrom.
  const later: ActivationTriggerSet = { version: 'future', validFrom: '2026-07-01', legalBasis: 'test', triggers: [] };
  const sets = [...ACTIVATION_TRIGGER_SETS, later];

  it.each([
    ['2025-01-01', '189/2001@2025-01-01'],
    ['2026-06-30', '189/2001@2025-01-01'],
    ['2026-07-01', 'future'],
    ['2030-01-01', 'future'],
  ])('on %s uses %s', (date, version) => {
    expect(activationTriggerSetOn(date, sets).version).toBe(version);
  });

  it('evaluates with the set in force, so a newer set can trigger nothing', () => {
    const facts = { ...young, monthsIncomeSupportAsMainIncome: 6 };
    expect(activationPlanTrigger(facts, '2026-06-30', sets).triggered).toBe(true);
    expect(activationPlanTrigger(facts, '2026-07-01', sets)).toEqual({ triggered: false, basis: [], ruleSetVersion: 'future' });
  });
});
