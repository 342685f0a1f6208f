import { badInput } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';

/** What decides whether an activation plan (aktivointisuunnitelma) must be drawn up, on a given day. */
export interface ActivationFacts {
  /** Age in full years on the evaluation day. */
  ageOn: number;
  /** Voimassa oleva työllistymissuunnitelma */
  hasEmploymentPlan: boolean;
  /** Aiemmin laadittu työllistymissuunnitelma */
  hadEarlierEmploymentPlan: boolean;
  labourMarketSubsidyDaysLast12Months: number;
  /** Ansiopäivärahan 500 päivän enimmäisaika täyttynyt */
  reachedEarningsRelated500DayLimit: boolean;
  labourMarketSubsidyDaysAfter500DayLimit: number;
  /** Months on income support as the main source of income (toimeentulotuki pääasiallisena toimeentulona). */
  monthsIncomeSupportAsMainIncome: number;
}

type CountFact = 'labourMarketSubsidyDaysLast12Months' | 'labourMarketSubsidyDaysAfter500DayLimit' | 'monthsIncomeSupportAsMainIncome';
type FlagFact = 'reachedEarningsRelated500DayLimit';
type PlanFact = 'hasEmploymentPlan' | 'hadEarlierEmploymentPlan';

/** One trigger, written as plain data so a changed law is a new trigger set, not new code. */
export interface ActivationTrigger {
  id: string;
  description: { fi: string; en: string };
  /** Inclusive lower and exclusive upper age bound, in full years. */
  age: { from?: number; below?: number };
  /** The employment-plan fact that must hold. */
  employmentPlan: PlanFact;
  criterion: { fact: CountFact; atLeast: number } | { fact: FlagFact; is: true };
}

export interface ActivationTriggerSet {
  version: string;
  /** First day the set applies (YYYY-MM-DD); a set applies until the next set's validFrom. */
  validFrom: string;
  legalBasis: string;
  triggers: readonly ActivationTrigger[];
}

const UNDER_25 = { below: 25 };
const AGE_25_OR_OVER = { from: 25 };

/**
 * Effective-dated trigger sets of the Act on rehabilitative work activity (kuntouttava työtoiminta,
 * 189/2001), oldest first. The one set is the law as in force since 1.1.2025, when employment services
 * moved to municipalities (laki 399/2023); earlier wordings are not modelled because their history
 * has not been verified, so earlier dates are refused rather than answered with today's rules.
 * Pending: HE 109/2025 would narrow activation plans to those on income support because of
 * unemployment. When enacted, add a new set with its validFrom here; do not edit this one.
 */
export const ACTIVATION_TRIGGER_SETS: readonly ActivationTriggerSet[] = [
  {
    version: '189/2001@2025-01-01',
    validFrom: '2025-01-01',
    legalBasis: 'Laki kuntouttavasta työtoiminnasta 189/2001 (muut. 399/2023)',
    triggers: [
      {
        id: 'UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS',
        description: { fi: 'Alle 25-vuotias: työmarkkinatukea vähintään 180 päivältä 12 kuukauden aikana', en: 'Under 25: labour-market subsidy for at least 180 days in the last 12 months' },
        age: UNDER_25,
        employmentPlan: 'hasEmploymentPlan',
        criterion: { fact: 'labourMarketSubsidyDaysLast12Months', atLeast: 180 },
      },
      {
        id: 'UNDER_25_EARNINGS_RELATED_500_DAYS',
        description: { fi: 'Alle 25-vuotias: ansiopäivärahan 500 päivän enimmäisaika täyttynyt', en: 'Under 25: the 500-day earnings-related period has been reached' },
        age: UNDER_25,
        employmentPlan: 'hasEmploymentPlan',
        criterion: { fact: 'reachedEarningsRelated500DayLimit', is: true },
      },
      {
        id: 'UNDER_25_INCOME_SUPPORT_4_MONTHS',
        description: { fi: 'Alle 25-vuotias: toimeentulotuki pääasiallisena toimeentulona vähintään 4 kuukautta', en: 'Under 25: income support as main income for at least 4 months' },
        age: UNDER_25,
        employmentPlan: 'hasEmploymentPlan',
        criterion: { fact: 'monthsIncomeSupportAsMainIncome', atLeast: 4 },
      },
      {
        id: 'AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS',
        description: { fi: '25 vuotta täyttänyt: työmarkkinatukea vähintään 180 päivältä 500 päivän enimmäisajan jälkeen', en: '25 or over: labour-market subsidy for at least 180 days after the 500-day period' },
        age: AGE_25_OR_OVER,
        employmentPlan: 'hadEarlierEmploymentPlan',
        criterion: { fact: 'labourMarketSubsidyDaysAfter500DayLimit', atLeast: 180 },
      },
      {
        id: 'AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS',
        description: { fi: '25 vuotta täyttänyt: toimeentulotuki pääasiallisena toimeentulona vähintään 12 kuukautta', en: '25 or over: income support as main income for at least 12 months' },
        age: AGE_25_OR_OVER,
        employmentPlan: 'hadEarlierEmploymentPlan',
        criterion: { fact: 'monthsIncomeSupportAsMainIncome', atLeast: 12 },
      },
    ],
  },
];

export interface ActivationTriggerResult {
  triggered: boolean;
  /** Ids of the triggers that hold, in set order. */
  basis: string[];
  ruleSetVersion: string;
}

/** The trigger set in force on `on`; BAD_USER_INPUT when none is known for that day. */
export function activationTriggerSetOn(on: string, sets: readonly ActivationTriggerSet[] = ACTIVATION_TRIGGER_SETS): ActivationTriggerSet {
  parseLocalDate(on, 'on');
  const set = [...sets].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1)).find((candidate) => candidate.validFrom <= on);
  if (!set) throw badInput(`No activation plan trigger set is known for ${on}`, { field: 'on', on });
  return set;
}

const COUNT_FACTS: readonly (CountFact | 'ageOn')[] = ['ageOn', 'labourMarketSubsidyDaysLast12Months', 'labourMarketSubsidyDaysAfter500DayLimit', 'monthsIncomeSupportAsMainIncome'];

function holds(trigger: ActivationTrigger, facts: ActivationFacts): boolean {
  const { from = 0, below = Infinity } = trigger.age;
  if (facts.ageOn < from || facts.ageOn >= below) return false;
  if (!facts[trigger.employmentPlan]) return false;
  const { criterion } = trigger;
  return 'atLeast' in criterion ? facts[criterion.fact] >= criterion.atLeast : facts[criterion.fact] === criterion.is;
}

/** Whether the employment authority and the county must draw up an activation plan (189/2001), and why. */
export function activationPlanTrigger(facts: ActivationFacts, on: string, sets: readonly ActivationTriggerSet[] = ACTIVATION_TRIGGER_SETS): ActivationTriggerResult {
  for (const field of COUNT_FACTS) {
    if (!Number.isInteger(facts[field]) || facts[field] < 0) throw badInput(`${field} must be a whole number, 0 or more`, { field });
  }
  const set = activationTriggerSetOn(on, sets);
  const basis = set.triggers.filter((trigger) => holds(trigger, facts)).map((trigger) => trigger.id);
  return { triggered: basis.length > 0, basis, ruleSetVersion: set.version };
}
