import { addMonths, LocalDate, minLocalDate, parseLocalDate, todayInFinland } from '@asw/calendar';
import { ageOn } from '@asw/personal-identity-code';
import { badInput } from '@asw/platform';
import { ActivationFacts } from '../domain';
import { kelaNoticeHandling } from '../kela-notices/kela-notice.rules';

export type RecordedActivationFacts = Omit<ActivationFacts, 'ageOn'>;

export const NO_RECORDED_FACTS: RecordedActivationFacts = {
  hasEmploymentPlan: false,
  hadEarlierEmploymentPlan: false,
  jobSearchDiscussionHeld: false,
  labourMarketSubsidyDaysLast12Months: 0,
  reachedEarningsRelated500DayLimit: false,
  labourMarketSubsidyDaysAfter500DayLimit: 0,
  unemploymentIncomeSupportAsMainIncomeSince: null,
};

const COUNTS = ['labourMarketSubsidyDaysLast12Months', 'labourMarketSubsidyDaysAfter500DayLimit'] as const;
const FLAGS = ['hasEmploymentPlan', 'hadEarlierEmploymentPlan', 'jobSearchDiscussionHeld', 'reachedEarningsRelated500DayLimit'] as const;

/** Facts as a worker states them: the job-search discussion and the income-support period may be left out (not shown). */
export type StatedActivationFacts = Omit<RecordedActivationFacts, 'jobSearchDiscussionHeld' | 'unemploymentIncomeSupportAsMainIncomeSince'> & {
  jobSearchDiscussionHeld?: boolean | null;
  unemploymentIncomeSupportAsMainIncomeSince?: string | null;
};

/**
 * Facts a worker records on `today`: every flag stated (an unstated job-search discussion counts as none),
 * every count a whole number 0–9999, and the income-support period starting on a real day not after today.
 */
export function validateRecordedActivationFacts(input: StatedActivationFacts, today: LocalDate): RecordedActivationFacts {
  const stated = { ...input, jobSearchDiscussionHeld: input.jobSearchDiscussionHeld ?? false };
  for (const flag of FLAGS) if (typeof stated[flag] !== 'boolean') throw badInput(`${flag} must be stated`, { field: flag });
  for (const count of COUNTS) {
    if (!Number.isInteger(stated[count]) || stated[count] < 0 || stated[count] > 9999) throw badInput(`${count} must be a whole number from 0 to 9999`, { field: count });
  }
  let since: LocalDate | null = null;
  if (input.unemploymentIncomeSupportAsMainIncomeSince != null) {
    since = parseLocalDate(input.unemploymentIncomeSupportAsMainIncomeSince, 'unemploymentIncomeSupportAsMainIncomeSince');
    if (since > today) throw badInput('unemploymentIncomeSupportAsMainIncomeSince must not be in the future', { field: 'unemploymentIncomeSupportAsMainIncomeSince', reason: 'SINCE_IN_FUTURE' });
  }
  return { ...(Object.fromEntries([...FLAGS, ...COUNTS].map((key) => [key, stated[key]])) as Omit<RecordedActivationFacts, 'unemploymentIncomeSupportAsMainIncomeSince'>), unemploymentIncomeSupportAsMainIncomeSince: since };
}

/** What a Kela notice received on a day attests: main income from income support because of unemployment for that many months up to that day. */
export interface KelaAttestation {
  receivedOn: LocalDate;
  months: number;
}

/** What the client's Kela notices attest, each by the day (in Finland) it was received. */
export function kelaAttestations(notices: ReadonlyArray<{ noticeType: string; receivedAt: Date }>): KelaAttestation[] {
  return notices.map((notice) => ({ receivedOn: todayInFinland(notice.receivedAt), months: kelaNoticeHandling(notice.noticeType)?.incomeSupportMonths ?? 0 }));
}

/**
 * The facts the triggers are evaluated on, on day `on`: age from the date of birth; what a worker
 * recorded (nothing recorded counts as nothing shown); and the start of the period of income support
 * because of unemployment as main income, the earlier of the recorded start and what the Kela notices
 * received by `on` attest (a notice received on R attesting n months: since R − n months).
 */
export function activationFactsOn(dateOfBirth: LocalDate, on: LocalDate, recorded: RecordedActivationFacts | null, kela: readonly KelaAttestation[]): ActivationFacts {
  const facts = recorded ?? NO_RECORDED_FACTS;
  let since = facts.unemploymentIncomeSupportAsMainIncomeSince;
  for (const notice of kela) {
    if (notice.receivedOn > on || notice.months <= 0) continue;
    const attested = addMonths(notice.receivedOn, -notice.months);
    since = since === null ? attested : minLocalDate(since, attested);
  }
  return { ...facts, ageOn: ageOn(dateOfBirth, on), unemploymentIncomeSupportAsMainIncomeSince: since };
}
