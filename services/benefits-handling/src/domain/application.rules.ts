import { badInput, conflict } from '@asw/platform';
import { completionDeadlineOn, completionDeadlinePassed, decisionClockAfterCompletion, parseLocalDate } from '@asw/calendar';

/** Täydentävä (§7 c) or ehkäisevä (§13) toimeentulotuki: the kinds the county decides. */
export enum IncomeSupportKind {
  SUPPLEMENTARY = 'SUPPLEMENTARY',
  PREVENTIVE = 'PREVENTIVE',
}

/**
 * Hakemuksen käsittelyvaihe. RECEIVED → DECIDED, with a detour RECEIVED → COMPLETION_REQUESTED →
 * RECEIVED while the client completes the application (§14 a). A DRAFT (drafted from rent arrears for
 * a handler to review) becomes RECEIVED when the client applies; only then does the §14 a clock run.
 */
export enum ApplicationStatus {
  /** Luonnos: drafted by the county, not yet applied for. */
  DRAFT = 'DRAFT',
  /** Vireillä / käsittelyssä. */
  RECEIVED = 'RECEIVED',
  /** Täydennyspyyntö lähetetty. */
  COMPLETION_REQUESTED = 'COMPLETION_REQUESTED',
  /** Ratkaistu. */
  DECIDED = 'DECIDED',
}

/** Käsittelyjono (seed: Jyväskylä processing routes, DOMAIN.md). */
export enum ProcessingQueue {
  /** Etuuskäsittelijät: written applications. */
  GENERAL = 'GENERAL',
  /** Opiskelijoiden keskitetty jono. */
  STUDENTS = 'STUDENTS',
  /** Kiireelliset: front-desk instructor decides at once or passes on. */
  URGENT = 'URGENT',
}

/** How a completion request was resolved. */
export enum CompletionResolution {
  /** Täydennys saapui. */
  COMPLETED = 'COMPLETED',
  /** Määräaika umpeutui ilman täydennystä. */
  DEADLINE_PASSED = 'DEADLINE_PASSED',
}

/** Urgent matters first (same/next working day, §14 a), then the students' queue, else general. */
export function routeToQueue(input: { urgent: boolean; student: boolean }): ProcessingQueue {
  if (input.urgent) return ProcessingQueue.URGENT;
  if (input.student) return ProcessingQueue.STUDENTS;
  return ProcessingQueue.GENERAL;
}

export interface ApplicationState {
  status: ApplicationStatus;
  /** Saapumispäivä. */
  receivedOn: string;
  urgent: boolean;
  /**
   * The day the §14 a decision clock counts from (not itself counted, Act 150/1930): the arrival day,
   * or after a completion request the day the completion arrived or its deadline passed.
   */
  clockStartsOn: string;
  completionRequestedOn: string | null;
  completionDeadlineOn: string | null;
  decidedOn: string | null;
}

/** A new application as it arrives. */
export function receiveApplication(input: { receivedOn: string; urgent: boolean }): ApplicationState {
  parseLocalDate(input.receivedOn, 'receivedOn');
  return {
    status: ApplicationStatus.RECEIVED,
    receivedOn: input.receivedOn,
    urgent: input.urgent,
    clockStartsOn: input.receivedOn,
    completionRequestedOn: null,
    completionDeadlineOn: null,
    decidedOn: null,
  };
}

/** A draft for a handler to review (e.g. from rent arrears): no §14 a clock until the client applies. */
export function draftApplication(input: { draftedOn: string }): ApplicationState {
  return { ...receiveApplication({ receivedOn: input.draftedOn, urgent: false }), status: ApplicationStatus.DRAFT };
}

/** The client applied on the basis of the draft: the application arrives that day and the clock starts. */
export function confirmDraft(app: ApplicationState, input: { receivedOn: string; urgent: boolean }): ApplicationState {
  assertApplicationTransition(app.status, ApplicationStatus.RECEIVED);
  parseLocalDate(input.receivedOn, 'receivedOn');
  if (input.receivedOn < app.receivedOn) throw badInput('the application cannot arrive before it was drafted', { field: 'receivedOn' });
  return receiveApplication(input);
}

const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  [ApplicationStatus.DRAFT]: [ApplicationStatus.RECEIVED],
  [ApplicationStatus.RECEIVED]: [ApplicationStatus.COMPLETION_REQUESTED, ApplicationStatus.DECIDED],
  [ApplicationStatus.COMPLETION_REQUESTED]: [ApplicationStatus.RECEIVED],
  [ApplicationStatus.DECIDED]: [],
};

/** Refuses any other status change as CONFLICT; deciding twice gets its own message. */
export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (from === ApplicationStatus.DECIDED && to === ApplicationStatus.DECIDED) {
    throw conflict('the application is already decided; correct the decision instead', { from, to });
  }
  if (!TRANSITIONS[from].includes(to)) throw conflict(`an application cannot go from ${from} to ${to}`, { from, to });
}

/**
 * Täydennyspyyntö (§14 a): names a deadline after the request day. Whether the request itself was
 * made within 7 working days of arrival is for the caller to check with the calendar lib.
 */
export function requestCompletion(app: ApplicationState, input: { requestedOn: string; deadlineOn: string }): ApplicationState {
  assertApplicationTransition(app.status, ApplicationStatus.COMPLETION_REQUESTED);
  parseLocalDate(input.requestedOn, 'requestedOn');
  parseLocalDate(input.deadlineOn, 'deadlineOn');
  if (input.requestedOn < app.clockStartsOn) throw badInput('requestedOn must not be before the application arrived', { field: 'requestedOn' });
  if (input.deadlineOn <= input.requestedOn) throw badInput('the completion deadline must be after the request day', { field: 'deadlineOn' });
  return {
    ...app,
    status: ApplicationStatus.COMPLETION_REQUESTED,
    completionRequestedOn: input.requestedOn,
    completionDeadlineOn: input.deadlineOn,
  };
}

/**
 * Back to RECEIVED; the decision clock restarts "after the completion arrives or its deadline passes",
 * whichever came first: a completion arriving after the deadline does not buy more time.
 * DEADLINE_PASSED is accepted only after the deadline's last day, moved off weekends and holidays.
 */
export function resumeAfterCompletion(app: ApplicationState, input: { resolution: CompletionResolution; on: string }): ApplicationState {
  assertApplicationTransition(app.status, ApplicationStatus.RECEIVED);
  const on = parseLocalDate(input.on, 'on');
  const requestedOn = app.completionRequestedOn!;
  const deadlineOn = parseLocalDate(app.completionDeadlineOn!, 'completionDeadlineOn');
  let clockStartsOn: string;
  // The deadline is first moved off a weekend or holiday (laki 150/1930 5 §): one rule, @asw/calendar.
  if (input.resolution === CompletionResolution.COMPLETED) {
    if (input.on < requestedOn) throw badInput('a completion cannot arrive before it was requested', { field: 'on' });
    clockStartsOn = decisionClockAfterCompletion({ dueOn: deadlineOn, arrivedOn: on });
  } else if (input.resolution === CompletionResolution.DEADLINE_PASSED) {
    if (!completionDeadlinePassed(deadlineOn, on)) {
      throw conflict('the completion deadline has not passed', { reason: 'COMPLETION_DEADLINE_NOT_PASSED', deadlineOn: completionDeadlineOn(deadlineOn) });
    }
    clockStartsOn = decisionClockAfterCompletion({ dueOn: deadlineOn });
  } else {
    throw badInput('unknown completion resolution', { field: 'resolution' });
  }
  return { ...app, status: ApplicationStatus.RECEIVED, clockStartsOn, completionRequestedOn: null, completionDeadlineOn: null };
}

/** Ratkaisu: only a RECEIVED application is decided, once. */
export function decideApplication(app: ApplicationState, decidedOn: string): ApplicationState {
  assertApplicationTransition(app.status, ApplicationStatus.DECIDED);
  parseLocalDate(decidedOn, 'decidedOn');
  if (decidedOn < app.receivedOn) throw badInput('decidedOn must not be before the application arrived', { field: 'decidedOn' });
  return { ...app, status: ApplicationStatus.DECIDED, decidedOn };
}

/** A stored decision as far as correction cares. */
export interface DecisionRecord {
  id: string;
  applicationId: string;
  decidedOn: string;
  /** The decision that corrected this one, if any. */
  supersededById: string | null;
}

/**
 * Oikaisu: a decision is never edited; a correction (on oikaisuvaatimus, Hallintolaki 49 c–e, or a
 * correction of an error, §50) is a new decision on the same application referencing the one it
 * replaces. Only the latest decision in the chain can be corrected, and not with an earlier date.
 */
export function assertCanCorrect(original: DecisionRecord, correction: { applicationId: string; decidedOn: string }): { correctsDecisionId: string } {
  parseLocalDate(correction.decidedOn, 'decidedOn');
  if (original.supersededById !== null) {
    throw conflict('this decision has already been corrected; correct the latest decision', {
      decisionId: original.id,
      supersededById: original.supersededById,
    });
  }
  if (correction.applicationId !== original.applicationId) {
    throw badInput('a correction belongs to the same application as the decision it corrects', { field: 'applicationId' });
  }
  if (correction.decidedOn < original.decidedOn) {
    throw badInput('a correction cannot be dated before the decision it corrects', { field: 'decidedOn' });
  }
  return { correctsDecisionId: original.id };
}
