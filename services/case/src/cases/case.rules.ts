import { assessmentTargets, LocalDate, parseLocalDate, WorkingDayCalendar } from '@asw/calendar';
import { badInput } from '@asw/platform';
import { assertEnumValue, CaseStatus, InitiationChannel, RoutingFacts, ServiceTask } from '../domain';

/** What the worker found in the assessment beyond the support needs: the facts routing asks for (DOMAIN.md §42). */
export type RoutingFindings = Omit<RoutingFacts, 'age' | 'supportNeeds' | 'specialSupportNeeded'>;

export const ROUTING_FINDING_KEYS: ReadonlyArray<keyof RoutingFindings> = [
  'hasIncome',
  'seriousSubstanceAbuse',
  'seriousMentalHealth',
  'seriousGambling',
  'prisonRelease',
  'seriousHousingProblem',
  'newClientNeedingGuidance',
  'rentArrears',
  'hadEarlierSocialWorker',
  'student',
  'elderlyFirstAssessment',
];

/** Every finding must be stated (true or false): severity is the worker's judgement, never guessed. */
export function validateRoutingFindings(input: Partial<Record<keyof RoutingFindings, unknown>> | null | undefined): RoutingFindings {
  const findings = {} as RoutingFindings;
  for (const key of ROUTING_FINDING_KEYS) {
    const value = input?.[key];
    if (typeof value !== 'boolean') throw badInput(`findings.${key} must be stated`, { field: `findings.${key}` });
    findings[key] = value;
  }
  return findings;
}

export interface CaseOpeningInput {
  serviceTask: ServiceTask;
  initiationChannel: InitiationChannel;
  urgent: boolean;
  /** Vireilletulopäivä; today when absent. */
  initiatedOn?: string | null;
  team?: string | null;
}

export interface CaseOpening {
  serviceTask: ServiceTask;
  initiationChannel: InitiationChannel;
  urgent: boolean;
  initiatedOn: LocalDate;
  team: string;
}

const MAX_TEAM = 200;

/** A new case: known task and channel, an initiation day not in the future, and the team that handles it. */
export function validateCaseOpening(input: CaseOpeningInput, today: LocalDate, callerTeam: string): CaseOpening {
  const serviceTask = assertEnumValue('serviceTask', ServiceTask, input.serviceTask);
  const initiationChannel = assertEnumValue('initiationChannel', InitiationChannel, input.initiationChannel);
  if (typeof input.urgent !== 'boolean') throw badInput('urgent must be stated', { field: 'urgent' });
  const initiatedOn = input.initiatedOn ? parseLocalDate(input.initiatedOn, 'initiatedOn') : today;
  if (initiatedOn > today) throw badInput('initiatedOn must not be in the future', { field: 'initiatedOn' });
  const team = (input.team ?? callerTeam).trim();
  if (team.length === 0 || team.length > MAX_TEAM) throw badInput(`team must be 1–${MAX_TEAM} characters`, { field: 'team' });
  return { serviceTask, initiationChannel, urgent: input.urgent, initiatedOn, team };
}

export interface CountyTargets {
  assessmentStartWorkingDays: number;
  assessmentFinishMonths: number;
  calendar: WorkingDayCalendar;
}

/** §36 due dates of a case initiated on `initiatedOn`, in the county's working-day calendar. */
export function assessmentDueDates(initiatedOn: LocalDate, targets: CountyTargets): { assessmentStartDueOn: LocalDate; assessmentDueOn: LocalDate } {
  const { startDueOn, finishDueOn } = assessmentTargets(
    { initiatedOn, startWithinWorkingDays: targets.assessmentStartWorkingDays, finishWithinMonths: targets.assessmentFinishMonths },
    targets.calendar,
  );
  return { assessmentStartDueOn: startDueOn, assessmentDueOn: finishDueOn };
}

/** A step's day (assessment started or completed): not before `notBefore`, not after today; today when absent. */
export function stepDate(field: string, value: string | null | undefined, notBefore: LocalDate, today: LocalDate): LocalDate {
  const date = value ? parseLocalDate(value, field) : today;
  if (date > today) throw badInput(`${field} must not be in the future`, { field });
  if (date < notBefore) throw badInput(`${field} must not be before ${notBefore}`, { field });
  return date;
}

export interface CaseDueState {
  /** The next §36 target the case waits for: the start while INITIATED, the completion while in ASSESSMENT. */
  nextDueOn: LocalDate | null;
  /** Either target passed while its step is still undone. */
  overdue: boolean;
}

export function caseDueState(
  c: { status: CaseStatus; assessmentStartDueOn: LocalDate; assessmentDueOn: LocalDate },
  today: LocalDate,
): CaseDueState {
  if (c.status === CaseStatus.INITIATED) {
    return { nextDueOn: c.assessmentStartDueOn, overdue: today > c.assessmentStartDueOn || today > c.assessmentDueOn };
  }
  if (c.status === CaseStatus.ASSESSMENT) return { nextDueOn: c.assessmentDueOn, overdue: today > c.assessmentDueOn };
  return { nextDueOn: null, overdue: false };
}

/** The team queue's order: overdue first, then by the next due date (none last), then oldest opened first. */
export function compareQueue(a: CaseDueState & { openedAt: Date; id: string }, b: CaseDueState & { openedAt: Date; id: string }): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.nextDueOn !== b.nextDueOn) {
    if (a.nextDueOn === null) return 1;
    if (b.nextDueOn === null) return -1;
    return a.nextDueOn < b.nextDueOn ? -1 : 1;
  }
  return a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
