import { badInput } from '@asw/platform';
import { addMonths, LocalDate, parseLocalDate } from '@asw/calendar';

/**
 * What decides whether an activation plan (aktivointisuunnitelma) must be drawn up, on a given day
 * (laki kuntouttavasta työtoiminnasta 189/2001 3 §, as amended by 314/2010 and 1384/2021).
 */
export interface ActivationFacts {
  /** Age in full years on the evaluation day. */
  ageOn: number;
  /** Voimassa oleva työllistymissuunnitelma */
  hasEmploymentPlan: boolean;
  /** Aiemmin laadittu työllistymissuunnitelma */
  hadEarlierEmploymentPlan: boolean;
  /** Työnhakukeskustelu järjestetty (laki 916/2012 2 luku 6 § 1 mom 2 k; since 1.1.2025 laki 380/2023) */
  jobSearchDiscussionHeld: boolean;
  /** Days of labour-market subsidy paid because of unemployment (työttömyyden perusteella) in the last 12 calendar months. */
  labourMarketSubsidyDaysLast12Months: number;
  /** Työttömyyspäivärahakausi (500 päivää, työttömyysturvalaki 6 luku 7 §) saatu kokonaan */
  reachedEarningsRelated500DayLimit: boolean;
  /** Days of labour-market subsidy paid because of unemployment after the 500-day period. */
  labourMarketSubsidyDaysAfter500DayLimit: number;
  /**
   * First day of the unbroken period, lasting to the evaluation day, in which the client's main income
   * has been income support paid because of unemployment (työttömyyden johdosta maksettu toimeentulotuki
   * pääasiallisena toimeentulona); null when it is not so.
   */
  unemploymentIncomeSupportAsMainIncomeSince: LocalDate | null;
}

type CountFact = 'labourMarketSubsidyDaysLast12Months' | 'labourMarketSubsidyDaysAfter500DayLimit';
type FlagFact = 'reachedEarningsRelated500DayLimit';
/** The preparatory step the trigger presupposes: an employment plan (current or earlier) or a job-search discussion. */
type PrerequisiteFact = 'hasEmploymentPlan' | 'hadEarlierEmploymentPlan' | 'jobSearchDiscussionHeld';

/** One trigger, written as plain data so a changed law is a new trigger set, not new code. */
export interface ActivationTrigger {
  id: string;
  /** The point of 3 § the trigger encodes, e.g. "3 § 1 mom 3 k". */
  provision: string;
  description: { fi: string; en: string };
  /** Inclusive lower and exclusive upper age bound, in full years on the evaluation day. */
  age: { from?: number; below?: number };
  /** The fact that must hold before the criterion counts (an employment plan, or a job-search discussion). */
  prerequisite: PrerequisiteFact;
  criterion:
    | { fact: CountFact; atLeast: number }
    | { fact: FlagFact; is: true }
    /** Main income from income support paid because of unemployment over the whole window: the last `lastMonths` months up to the evaluation day. */
    | { fact: 'unemploymentIncomeSupportAsMainIncomeSince'; overLastMonths: number };
}

export interface ActivationTriggerSet {
  version: string;
  /** First day the set applies (YYYY-MM-DD); a set applies until the next set's validFrom. */
  validFrom: string;
  /** The act and the amending acts that gave the triggers this wording. */
  legalBasis: string;
  triggers: readonly ActivationTrigger[];
}

const UNDER_25 = { below: 25 };
const AGE_25_OR_OVER = { from: 25 };

/**
 * 189/2001 3 § 1 mom (as amended by 1384/2021, in force 2.5.2022 with the Nordic labour-market service
 * model, HE 167/2021) and 3 § 2 mom (25 or over; 314/2010 as amended by 937/2012 and, for its
 * introduction, 1384/2021), worded as DOMAIN.md "Activation" states them:
 * - under 25: (1) employment plan + at least 180 days of labour-market subsidy because of unemployment in
 *   the last 12 calendar months; (2) employment plan + the full unemployment daily-allowance period
 *   (500 days) received; (3) a job-search discussion held (no employment plan needed) + main income over
 *   the last 4 months from income support paid because of unemployment;
 * - 25 or over, with an earlier employment plan: (1) at least 180 days of labour-market subsidy because of
 *   unemployment after the 500-day period; (2) main income over the last 12 months from income support
 *   paid because of unemployment.
 */
const TRIGGERS_1384_2021: readonly ActivationTrigger[] = [
  {
    id: 'UNDER_25_SUBSIDY_180_DAYS_IN_12_MONTHS',
    provision: '3 § 1 mom 1 k',
    description: {
      fi: 'Alle 25-vuotias, työllistymissuunnitelma: työttömyyden perusteella työmarkkinatukea vähintään 180 päivältä viimeisen 12 kalenterikuukauden aikana',
      en: 'Under 25 with an employment plan: labour-market subsidy because of unemployment for at least 180 days in the last 12 calendar months',
    },
    age: UNDER_25,
    prerequisite: 'hasEmploymentPlan',
    criterion: { fact: 'labourMarketSubsidyDaysLast12Months', atLeast: 180 },
  },
  {
    id: 'UNDER_25_EARNINGS_RELATED_500_DAYS',
    provision: '3 § 1 mom 2 k',
    description: {
      fi: 'Alle 25-vuotias, työllistymissuunnitelma: työttömyyspäivärahaa saatu työttömyyspäivärahakauden (500 päivää) ajan',
      en: 'Under 25 with an employment plan: unemployment daily allowance received for the full 500-day period',
    },
    age: UNDER_25,
    prerequisite: 'hasEmploymentPlan',
    criterion: { fact: 'reachedEarningsRelated500DayLimit', is: true },
  },
  {
    id: 'UNDER_25_INCOME_SUPPORT_4_MONTHS',
    provision: '3 § 1 mom 3 k',
    description: {
      fi: 'Alle 25-vuotias, työnhakukeskustelu järjestetty: pääasiallinen toimeentulo viimeisen neljän kuukauden aikana työttömyyden johdosta maksettua toimeentulotukea',
      en: 'Under 25 after a job-search discussion: main income over the last 4 months from income support paid because of unemployment',
    },
    age: UNDER_25,
    prerequisite: 'jobSearchDiscussionHeld',
    criterion: { fact: 'unemploymentIncomeSupportAsMainIncomeSince', overLastMonths: 4 },
  },
  {
    id: 'AGE_25_PLUS_SUBSIDY_180_DAYS_AFTER_500_DAYS',
    provision: '3 § 2 mom 1 k',
    description: {
      fi: '25 vuotta täyttänyt, aiempi työllistymissuunnitelma: työttömyyden perusteella työmarkkinatukea vähintään 180 päivältä 500 päivän enimmäisajan jälkeen',
      en: '25 or over with an earlier employment plan: labour-market subsidy because of unemployment for at least 180 days after the 500-day period',
    },
    age: AGE_25_OR_OVER,
    prerequisite: 'hadEarlierEmploymentPlan',
    criterion: { fact: 'labourMarketSubsidyDaysAfter500DayLimit', atLeast: 180 },
  },
  {
    id: 'AGE_25_PLUS_INCOME_SUPPORT_12_MONTHS',
    provision: '3 § 2 mom 2 k',
    description: {
      fi: '25 vuotta täyttänyt, aiempi työllistymissuunnitelma: pääasiallinen toimeentulo viimeisen 12 kuukauden aikana työttömyyden johdosta maksettua toimeentulotukea',
      en: '25 or over with an earlier employment plan: main income over the last 12 months from income support paid because of unemployment',
    },
    age: AGE_25_OR_OVER,
    prerequisite: 'hadEarlierEmploymentPlan',
    criterion: { fact: 'unemploymentIncomeSupportAsMainIncomeSince', overLastMonths: 12 },
  },
];

/**
 * Effective-dated trigger sets of the Act on rehabilitative work activity (kuntouttava työtoiminta,
 * 189/2001) 3 §, oldest first. The wording before 1384/2021 (in force 2.5.2022) is not modelled because
 * it has not been verified from a primary source, so earlier dates are refused rather than answered with
 * later rules. From 1.1.2025 the employment authority is the municipality (laki 380/2023, 399/2023): the
 * triggers are unchanged, the employment plan and the job-search discussion are those of laki 380/2023.
 * Pending: HE 109/2025 would narrow activation plans to those on income support because of
 * unemployment. When enacted, add a new set with its validFrom here; do not edit these.
 */
export const ACTIVATION_TRIGGER_SETS: readonly ActivationTriggerSet[] = [
  {
    version: '189/2001@2022-05-02',
    validFrom: '2022-05-02',
    legalBasis: 'Laki kuntouttavasta työtoiminnasta 189/2001 3 § (muut. 314/2010, 1384/2021); työllistymissuunnitelma ja työnhakukeskustelu laki 916/2012',
    triggers: TRIGGERS_1384_2021,
  },
  {
    version: '189/2001@2025-01-01',
    validFrom: '2025-01-01',
    legalBasis: 'Laki kuntouttavasta työtoiminnasta 189/2001 3 § (muut. 314/2010, 1384/2021, 399/2023); työllistymissuunnitelma ja työnhakukeskustelu laki 380/2023',
    triggers: TRIGGERS_1384_2021,
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

/**
 * Whole calendar months from `since` to `on` (0 if `since` is later): the period counted as the Act on
 * calculating statutory time limits (150/1930) 3 § counts months, so 2025-11-01 → 2026-03-01 is 4.
 */
export function wholeMonthsBetween(since: LocalDate, on: LocalDate): number {
  if (since > on) return 0;
  let months = 0;
  while (addMonths(since, months + 1) <= on) months += 1;
  return months;
}

const COUNT_FACTS: readonly (CountFact | 'ageOn')[] = ['ageOn', 'labourMarketSubsidyDaysLast12Months', 'labourMarketSubsidyDaysAfter500DayLimit'];

function holds(trigger: ActivationTrigger, facts: ActivationFacts, on: LocalDate): boolean {
  const { from = 0, below = Infinity } = trigger.age;
  if (facts.ageOn < from || facts.ageOn >= below) return false;
  if (!facts[trigger.prerequisite]) return false;
  const { criterion } = trigger;
  if ('overLastMonths' in criterion) {
    // The whole window [on − n months, on] must be covered: the period began on or before its first day.
    const since = facts.unemploymentIncomeSupportAsMainIncomeSince;
    return since !== null && since <= addMonths(on, -criterion.overLastMonths);
  }
  return 'atLeast' in criterion ? facts[criterion.fact] >= criterion.atLeast : facts[criterion.fact] === criterion.is;
}

/** Whether the employment authority and the county must draw up an activation plan (189/2001 3 §) on `on`, and why. */
export function activationPlanTrigger(facts: ActivationFacts, on: string, sets: readonly ActivationTriggerSet[] = ACTIVATION_TRIGGER_SETS): ActivationTriggerResult {
  for (const field of COUNT_FACTS) {
    if (!Number.isInteger(facts[field]) || facts[field] < 0) throw badInput(`${field} must be a whole number, 0 or more`, { field });
  }
  for (const field of ['hasEmploymentPlan', 'hadEarlierEmploymentPlan', 'jobSearchDiscussionHeld', 'reachedEarningsRelated500DayLimit'] as const) {
    if (typeof facts[field] !== 'boolean') throw badInput(`${field} must be stated`, { field });
  }
  if (facts.unemploymentIncomeSupportAsMainIncomeSince !== null) parseLocalDate(facts.unemploymentIncomeSupportAsMainIncomeSince, 'unemploymentIncomeSupportAsMainIncomeSince');
  const set = activationTriggerSetOn(on, sets);
  const day = on as LocalDate;
  const basis = set.triggers.filter((trigger) => holds(trigger, facts, day)).map((trigger) => trigger.id);
  return { triggered: basis.length > 0, basis, ruleSetVersion: set.version };
}
