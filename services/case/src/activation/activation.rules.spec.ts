import { LocalDate } from '@asw/calendar';
import { activationPlanTrigger } from '../domain';
import { expectRefusal } from '../domain/domain-error.testing';
import { activationFactsOn, KelaAttestation, NO_RECORDED_FACTS, validateRecordedActivationFacts } from './activation.rules';

const d = (value: string) => value as LocalDate;
const kela = (receivedOn: string, months: number): KelaAttestation => ({ receivedOn: d(receivedOn), months });

// 189/2001 3 § as amended by 1384/2021; dates counted by hand (see domain/activation-plan.rules.spec.ts).
describe('activationFactsOn', () => {
  it.each([
    // born, on, recorded, Kela notices, triggered, basis
    // A Kela notice (under-25 unemployed on income support 4 months) received 2.2.2026 attests the period since 2.10.2025.
    ['2003-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, jobSearchDiscussionHeld: true }, [kela('2026-02-02', 4)], true, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['2003-05-01', '2026-03-01', NO_RECORDED_FACTS, [kela('2026-02-02', 4)], false, []], // no job-search discussion recorded
    ['2003-05-01', '2026-02-01', { ...NO_RECORDED_FACTS, jobSearchDiscussionHeld: true }, [kela('2026-02-02', 4)], false, []], // the notice came the day after
    ['2003-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, jobSearchDiscussionHeld: true, unemploymentIncomeSupportAsMainIncomeSince: d('2025-12-01') }, [], false, []],
    // The earlier start (recorded or attested) wins.
    ['2003-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, jobSearchDiscussionHeld: true, unemploymentIncomeSupportAsMainIncomeSince: d('2025-12-01') }, [kela('2026-02-02', 4)], true, ['UNDER_25_INCOME_SUPPORT_4_MONTHS']],
    ['1990-05-01', '2026-03-01', { ...NO_RECORDED_FACTS, hadEarlierEmploymentPlan: true }, [kela('2026-02-02', 12)], true, ['AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS']],
    ['2001-03-02', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 180 }, [], true, ['UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS']], // 24 the day before the birthday
    ['2001-03-01', '2026-03-01', { ...NO_RECORDED_FACTS, hasEmploymentPlan: true, labourMarketSubsidyDaysLast12Months: 180 }, [], false, []], // 25 on the day
  ])('born %s, on %s: %j and Kela %j → %s', (born, on, recorded, notices, triggered, basis) => {
    const result = activationPlanTrigger(activationFactsOn(d(born), d(on), recorded, notices), on);
    expect(result.triggered).toBe(triggered);
    expect(result.basis).toEqual(basis);
  });

  it('refuses unstated or negative facts and a period starting in the future', () => {
    const today = d('2026-03-01');
    expectRefusal(() => validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, hasEmploymentPlan: undefined as never }, today), 'BAD_USER_INPUT', 'hasEmploymentPlan', { field: 'hasEmploymentPlan' });
    expectRefusal(() => validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, labourMarketSubsidyDaysLast12Months: -1 }, today), 'BAD_USER_INPUT', 'labourMarketSubsidyDaysLast12Months', {
      field: 'labourMarketSubsidyDaysLast12Months',
    });
    expectRefusal(() => validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, unemploymentIncomeSupportAsMainIncomeSince: '2026-03-02' }, today), 'BAD_USER_INPUT', 'future', {
      field: 'unemploymentIncomeSupportAsMainIncomeSince',
    });
    expect(validateRecordedActivationFacts({ ...NO_RECORDED_FACTS, jobSearchDiscussionHeld: undefined }, today).jobSearchDiscussionHeld).toBe(false);
  });
});
