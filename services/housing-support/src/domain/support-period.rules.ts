import { badInput, conflict } from '@asw/platform';
import { addMonths, parseLocalDate } from '@asw/calendar';
import { validateVisitSchedule, VisitSchedule } from './visit-schedule.rules';

/** Ohjauksen osa-alue: the guidance areas a personal goal belongs to (seed list, DOMAIN.md). */
export enum GuidanceArea {
  /** Asunnon hakeminen. */
  APPLYING_FOR_A_FLAT = 'APPLYING_FOR_A_FLAT',
  /** Kodin hoitaminen. */
  LOOKING_AFTER_THE_HOME = 'LOOKING_AFTER_THE_HOME',
  /** Toimeentulo ja raha-asioiden hoito. */
  INCOME_AND_MONEY_MANAGEMENT = 'INCOME_AND_MONEY_MANAGEMENT',
  /** Oma hyvinvointi. */
  OWN_WELLBEING = 'OWN_WELLBEING',
  /** Päihteettömyys tai käytön hallinta. */
  SUBSTANCE_FREE_LIVING_OR_CONTROL_OF_USE = 'SUBSTANCE_FREE_LIVING_OR_CONTROL_OF_USE',
  /** Asioiden hoitaminen ja verkoston rakentaminen. */
  ERRANDS_AND_BUILDING_A_NETWORK = 'ERRANDS_AND_BUILDING_A_NETWORK',
  /** Mielekäs tekeminen ja sosiaaliset suhteet. */
  MEANINGFUL_ACTIVITY_AND_SOCIAL_RELATIONSHIPS = 'MEANINGFUL_ACTIVITY_AND_SOCIAL_RELATIONSHIPS',
}

/** Tukijakson tila. PLANNING → ACTIVE → ENDED; a period still being planned may also end directly. */
export enum SupportPeriodStatus {
  /** Suunnitteilla: goals and visits being agreed. */
  PLANNING = 'PLANNING',
  /** Käynnissä. */
  ACTIVE = 'ACTIVE',
  /** Päättynyt. */
  ENDED = 'ENDED',
}

/** Tukijakson tulos: how the worker assesses the period when it ends. */
export enum SupportPeriodOutcome {
  /** Tavoitteet saavutettu. */
  GOALS_MET = 'GOALS_MET',
  /** Tavoitteet osittain saavutettu. */
  PARTLY_MET = 'PARTLY_MET',
  /** Tavoitteita ei saavutettu. */
  NOT_MET = 'NOT_MET',
  /** Asiakas muutti pois alueelta. */
  CLIENT_MOVED = 'CLIENT_MOVED',
  /** Asiakas kieltäytyi palvelusta. */
  CLIENT_DECLINED = 'CLIENT_DECLINED',
  /** Asiakkuus päättyi (SHL §34). */
  CASE_CLOSED = 'CASE_CLOSED',
}

/** Päättymisen syy: what ended the period. */
export enum SupportPeriodEndCause {
  /** Määräaika päättyi: the fixed term ran out. */
  TERM_EXPIRED = 'TERM_EXPIRED',
  /** Työntekijä päätti jakson. */
  ENDED_BY_WORKER = 'ENDED_BY_WORKER',
  /** Asiakkuus päättyi: the case closed, so nothing may be left running (PRODUCT.md flow 6). */
  CASE_CLOSED = 'CASE_CLOSED',
}

/**
 * Longest fixed term accepted. Not from law: housing support is fixed-term by design (määräaikainen),
 * a longer need is met by a new period with a new plan, and a term over three years is almost surely
 * a typing error (2062 for 2026).
 */
export const MAX_TERM_MONTHS = 36;
export const MAX_GOAL_TEXT_LENGTH = 1000;
export const MAX_GOALS = 30;

export interface FixedTerm {
  startsOn: string;
  /** Last day of support, inclusive. */
  endsOn: string;
}

/** Henkilökohtainen tavoite: one of the client's own goals, in a guidance area. */
export interface PersonalGoal {
  area: GuidanceArea;
  text: string;
}

export interface SupportPeriod {
  status: SupportPeriodStatus;
  startsOn: string | null;
  endsOn: string | null;
  goals: readonly PersonalGoal[];
  visitSchedule: VisitSchedule | null;
  /** Last day of support when the period was ended (inclusive), else null. */
  endedOn: string | null;
  endCause: SupportPeriodEndCause | null;
  outcome: SupportPeriodOutcome | null;
}

/** A fixed term: end strictly after start, at most MAX_TERM_MONTHS long. */
export function validateFixedTerm(startsOn: string, endsOn: string): FixedTerm {
  const start = parseLocalDate(startsOn, 'startsOn');
  parseLocalDate(endsOn, 'endsOn');
  if (endsOn <= startsOn) throw badInput('endsOn must be after startsOn', { field: 'endsOn' });
  const latest = addMonths(start, MAX_TERM_MONTHS);
  if (endsOn > latest) {
    throw badInput(`a housing support period may last at most ${MAX_TERM_MONTHS} months (until ${latest})`, { field: 'endsOn', latest });
  }
  return { startsOn, endsOn };
}

const goalKey = (goal: PersonalGoal) => `${goal.area}\u0000${goal.text.toLocaleLowerCase('fi')}`;

/**
 * The client's personal goals, normalised (NFC, whitespace collapsed). Refuses an unknown area, empty
 * or overlong text, and the same goal twice in one area (compared case-insensitively). An empty list is
 * valid while planning; activation requires at least one goal.
 */
export function validatePersonalGoals(goals: readonly PersonalGoal[]): PersonalGoal[] {
  if (goals.length > MAX_GOALS) throw badInput(`at most ${MAX_GOALS} personal goals`, { field: 'goals' });
  const seen = new Set<string>();
  return goals.map((goal, index) => {
    if (!Object.values(GuidanceArea).includes(goal.area)) throw badInput('unknown guidance area', { field: 'area', index });
    const text = (goal.text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
    if (text.length === 0) throw badInput('goal text must not be empty', { field: 'text', index });
    if (text.length > MAX_GOAL_TEXT_LENGTH) {
      throw badInput(`goal text must be at most ${MAX_GOAL_TEXT_LENGTH} characters`, { field: 'text', index });
    }
    const normalised = { area: goal.area, text };
    const key = goalKey(normalised);
    if (seen.has(key)) throw badInput('the same goal is listed twice in this guidance area', { field: 'text', index, area: goal.area });
    seen.add(key);
    return normalised;
  });
}

const TRANSITIONS: Record<SupportPeriodStatus, readonly SupportPeriodStatus[]> = {
  [SupportPeriodStatus.PLANNING]: [SupportPeriodStatus.ACTIVE, SupportPeriodStatus.ENDED],
  [SupportPeriodStatus.ACTIVE]: [SupportPeriodStatus.ENDED],
  [SupportPeriodStatus.ENDED]: [],
};

/** Refuses, as CONFLICT, any status change other than PLANNING → ACTIVE | ENDED and ACTIVE → ENDED. */
export function assertPeriodTransition(from: SupportPeriodStatus, to: SupportPeriodStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw conflict(`a housing support period cannot go from ${from} to ${to}`, { from, to });
  }
}

/**
 * Starts the period. DOMAIN.md: the service "starts with a plan of personal goals" and visits are
 * "agreed at the start", so activation needs a valid term, at least one goal and a visit schedule,
 * and the term must not already be over.
 */
export function activatePeriod(period: SupportPeriod, today: string): SupportPeriod {
  assertPeriodTransition(period.status, SupportPeriodStatus.ACTIVE);
  parseLocalDate(today, 'today');
  if (!period.startsOn || !period.endsOn) throw badInput('set the start and end dates before starting the period', { field: 'endsOn' });
  const term = validateFixedTerm(period.startsOn, period.endsOn);
  const goals = validatePersonalGoals(period.goals);
  if (goals.length === 0) throw badInput('write at least one personal goal before starting the period', { field: 'goals' });
  if (!period.visitSchedule) throw badInput('agree a visit schedule before starting the period', { field: 'visitSchedule' });
  const visitSchedule = validateVisitSchedule(period.visitSchedule);
  if (today > term.endsOn) throw conflict('the fixed term of this period is already over', { endsOn: term.endsOn });
  return { ...period, ...term, goals, visitSchedule, status: SupportPeriodStatus.ACTIVE };
}

export type EndPeriodRequest =
  /** Run by a daily job: the term ran out. The worker may record the outcome afterwards. */
  | { cause: SupportPeriodEndCause.TERM_EXPIRED; today: string }
  | { cause: SupportPeriodEndCause.ENDED_BY_WORKER; endedOn: string; outcome: SupportPeriodOutcome }
  | { cause: SupportPeriodEndCause.CASE_CLOSED; endedOn: string };

/** True when an ACTIVE period's term is over and the period should be ended with TERM_EXPIRED. */
export function termExpired(period: SupportPeriod, today: string): boolean {
  return period.status === SupportPeriodStatus.ACTIVE && period.endsOn !== null && today > period.endsOn;
}

/**
 * Ends the period. `endedOn` is the last day of support, like `endsOn`; it never runs past the term
 * (a later date is cut to `endsOn`, e.g. when the case closes after the term ran out unnoticed).
 */
export function endPeriod(period: SupportPeriod, request: EndPeriodRequest): SupportPeriod {
  assertPeriodTransition(period.status, SupportPeriodStatus.ENDED);
  const clamp = (date: string) => (period.endsOn !== null && period.endsOn < date ? period.endsOn : date);
  switch (request.cause) {
    case SupportPeriodEndCause.TERM_EXPIRED: {
      parseLocalDate(request.today, 'today');
      if (!termExpired(period, request.today)) {
        throw conflict('the fixed term of this period has not run out', { endsOn: period.endsOn, status: period.status });
      }
      return { ...period, status: SupportPeriodStatus.ENDED, endedOn: period.endsOn, endCause: request.cause, outcome: null };
    }
    case SupportPeriodEndCause.ENDED_BY_WORKER: {
      parseLocalDate(request.endedOn, 'endedOn');
      assertOutcome(request.outcome);
      return { ...period, status: SupportPeriodStatus.ENDED, endedOn: clamp(request.endedOn), endCause: request.cause, outcome: request.outcome };
    }
    case SupportPeriodEndCause.CASE_CLOSED: {
      parseLocalDate(request.endedOn, 'endedOn');
      return {
        ...period,
        status: SupportPeriodStatus.ENDED,
        endedOn: clamp(request.endedOn),
        endCause: request.cause,
        outcome: SupportPeriodOutcome.CASE_CLOSED,
      };
    }
    default:
      throw badInput('unknown reason for ending the period', { field: 'cause' });
  }
}

/** Records or corrects the outcome of an ended period (typically after TERM_EXPIRED). */
export function recordOutcome(period: SupportPeriod, outcome: SupportPeriodOutcome): SupportPeriod {
  if (period.status !== SupportPeriodStatus.ENDED) throw conflict('an outcome is recorded only for an ended period', { status: period.status });
  assertOutcome(outcome);
  return { ...period, outcome };
}

function assertOutcome(outcome: SupportPeriodOutcome): void {
  if (!Object.values(SupportPeriodOutcome).includes(outcome)) throw badInput('unknown outcome', { field: 'outcome' });
}

/**
 * Whether the period no longer runs on `date`: the day after its last day of support, that being
 * `endedOn` for an ended period and `endsOn` otherwise (so a period "ends on its end date" and is
 * over from the next day). A period without dates is never ended by date.
 */
export function isEndedOn(period: SupportPeriod, date: string): boolean {
  parseLocalDate(date, 'date');
  const lastDay = period.status === SupportPeriodStatus.ENDED ? period.endedOn ?? period.endsOn : period.endsOn;
  if (lastDay === null) return period.status === SupportPeriodStatus.ENDED;
  return date > lastDay;
}
