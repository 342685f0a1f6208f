import { LocalDate } from '@asw/calendar';
import { activationPlanTrigger } from '../domain';
import { expectRefusal } from '../domain/domain-error.testing';
import { activationFactsOn, NO_RECORDED_FACTS, validateRecordedActivationFacts } from './activation.rules';

const d = (value: string) => value as LocalDate;

describe('activationFactsOn', () => {
  it.each([
    // born, on, recorded, Kela-attested months, triggered, basis
    ['2003-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true }, [4], true, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['2003-05-01', '2026-03-01', NO_RECORDED_FACTS, [4], false, []], // no employment plan recorded
    ['2003-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true, monthsIncomeSupportAsMainIncome: 2 }, [], false, []],
    ['1990-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, hadEarlierEmploymentPlan: true }, [12], true, ['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS']],
    ['2001-03-02', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 180 }, [], true, ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS']], // 24 the day before the birthday
    ['2001-03-01', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 180 }, [], false, []], // 25 on the day
  ])('born %s, on %s: %j and Kela %j → %s', (born, on, recorded, kela, triggered, basis) => {
    const result = activationPlanTrigger(activationFactsOn(d(born), d(on), recorded, kela), on);
    expect(result.triggered).toBe(triggered);
    expect(result.basis).toEqual(basis);
  });

  it('refuses unstated or negative facts', () => {
    expectRefusal(() => validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, hasEmploymentPlan: undefined as never }), 'BAD_USER_INPUT', 'hasEmploymentPlan', { field: 'hasEmploymentPlan' });
    expectRefusal(() => validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, monthsIncomeSupportAsMainIncome: -1 }), 'BAD_USER_INPUT', 'monthsIncomeSupportAsMainIncome', {
      field: 'monthsIncomeSupportAsMainIncome',
    });
  });
});
