import { LocalDate } from '@asw/calendar';
import { ageOn } from '@asw/personal-identity-code';
import { badInput } from '@asw/platform';
import { ActivationFacts } from '../domain';

export type RecordedActivationFacts = Omit<ActivationFacts, 'ageOn'>;

export const NO_RECORDED_FACTS: RecordedActivationFacts = {
  hasEmploymentPlan: false,
  hadEarlierEmploymentPlan: false,
  labourMarketSubsidyDaysLast12Months: 0,
  reachedEarningsRelated500DayLimit: false,
  labourMarketSubsidyDaysAfter500DayLimit: 0,
  monthsIncomeSupportAsMainIncome: 0,
};

const COUNTS = ['labourMarketSubsidyDaysLast12Months', 'labourMarketSubsidyDaysAfter500DayLimit', 'monthsIncomeSupportAsMainIncome'] as const;
const FLAGS = ['hasEmploymentPlan', 'hadEarlierEmploymentPlan', 'reachedEarningsRelated500DayLimit'] as const;

/** Facts a worker records: every flag stated, every count a whole number 0–9999. */
export function validateRecordedActivationFacts(input: RecordedActivationFacts): RecordedActivationFacts {
  for (const flag of FLAGS) if (typeof input[flag] !== 'boolean') throw badInput(`${flag} must be stated`, { field: flag });
  for (const count of COUNTS) {
    if (!Number.isInteger(input[count]) || input[count] < 0 || input[count] > 9999) throw badInput(`${count} must be a whole number from 0 to 9999`, { field: count });
  }
  return Object.fromEntries([...FLAGS, ...COUNTS].map((key) => [key, input[key]])) as unknown as RecordedActivationFacts;
}

/**
 * The facts the triggers are evaluated on, on day `on`: age from the date of birth; what a worker
 * recorded (nothing recorded counts as nothing shown); and the months of income support as main income
 * Kela attested in notices received by then, whichever is greater.
 */
export function activationFactsOn(dateOfBirth: LocalDate, on: LocalDate, recorded: RecordedActivationFacts | null, kelaAttestedMonths: readonly number[]): ActivationFacts {
  const facts = recorded ?? NO_RECORDED_FACTS;
  return {
    ...facts,
    ageOn: ageOn(dateOfBirth, on),
    monthsIncomeSupportAsMainIncome: Math.max(facts.monthsIncomeSupportAsMainIncome, ...kelaAttestedMonths),
  };
}
