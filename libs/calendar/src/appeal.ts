import { badInput, conflict } from '@asw/platform';
import { LocalDate, parseLocalDate } from './local-date';
import { appealInTime, DecisionDelivery } from './delivery';

/**
 * Oikaisuvaatimus (Hallintolaki 434/2003 49 a–49 g §): the rules for a request for review of an
 * administrative decision, shared by every service that makes decisions (service decisions in case,
 * income-support decisions in benefits-handling). One home: the services only store and show.
 */

/** Oikaisuvaatimuksen käsittelyn tila. */
export enum AppealStatus {
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
}

/** Oikaisuvaatimuksen ratkaisu (HL 49 e §). */
export enum AppealResolution {
  /** Hylätty: the decision stands. */
  REJECTED = 'REJECTED',
  /** Päätöstä muutettu: a new decision replaces it. */
  DECISION_CHANGED = 'DECISION_CHANGED',
  /** Jätetty tutkimatta: the request came too late (HL 49 c §) or is otherwise inadmissible. */
  NOT_EXAMINED = 'NOT_EXAMINED',
}

/**
 * A request for review that arrived on `receivedOn` (as given): not in the future, not before the decision
 * was made, and only once the delivery is recorded, since the deadline runs from it (HL 49 c §). Answers
 * the day and whether it arrived in time; a late request is recorded too (and then not examined).
 */
export function appealArrival(
  input: { receivedOn: string },
  decision: { decidedOn: LocalDate | string },
  delivery: Pick<DecisionDelivery, 'appealDeadline'> | null,
  today: LocalDate,
): { receivedOn: LocalDate; appealDeadline: LocalDate; inTime: boolean } {
  const receivedOn = parseLocalDate(input.receivedOn, 'receivedOn');
  if (receivedOn > today) throw badInput('receivedOn must not be in the future', { reason: 'RECEIVED_IN_FUTURE', field: 'input.receivedOn' });
  if (!delivery) throw conflict('Record the delivery of the decision first: the appeal deadline runs from it', { reason: 'DELIVERY_NOT_RECORDED' });
  if (receivedOn < decision.decidedOn) {
    throw badInput('A request for review cannot arrive before the decision was made', { reason: 'APPEAL_BEFORE_DECISION', field: 'input.receivedOn' });
  }
  return { receivedOn, appealDeadline: delivery.appealDeadline, inTime: appealInTime(receivedOn, delivery.appealDeadline) };
}

export interface AppealToResolve {
  status: AppealStatus;
  inTime: boolean;
  receivedOn: LocalDate;
  /** The matter the decision is in (a case; an income-support application): a change must be in the same one. */
  matterId: string;
  decisionId: string;
}

export interface AppealResolutionInput {
  resolution: AppealResolution;
  resolvedOn: LocalDate;
  /** The new decision, for DECISION_CHANGED: in the same matter, made on or after the request arrived. */
  newDecision: { id: string; matterId: string; decidedOn: LocalDate | string } | null;
  today: LocalDate;
  /** What the matter is called in refusals ("case", "application"). */
  matter?: string;
}

/**
 * Checks a resolution of a request for review. Only a late request (HL 49 c §) is left unexamined
 * (jätetään tutkimatta); the authority may still correct a decision on its own (HL 50 §), recorded as
 * DECISION_CHANGED. A change is a new decision in the same matter, dated on or after the request.
 */
export function checkAppealResolution(appeal: AppealToResolve, input: AppealResolutionInput): void {
  const matter = input.matter ?? 'matter';
  if (appeal.status !== AppealStatus.PENDING) throw conflict('This request for review is already resolved', { reason: 'APPEAL_ALREADY_RESOLVED' });
  if (input.resolvedOn < appeal.receivedOn) {
    throw badInput('resolvedOn must not be before the request arrived', { reason: 'RESOLVED_BEFORE_RECEIVED', field: 'input.resolvedOn' });
  }
  if (input.resolvedOn > input.today) throw badInput('resolvedOn must not be in the future', { reason: 'RESOLVED_IN_FUTURE', field: 'input.resolvedOn' });
  if (input.resolution === AppealResolution.DECISION_CHANGED) {
    const next = input.newDecision;
    if (!next) throw badInput('A changed decision needs newDecisionId, the decision that replaces it', { reason: 'NEW_DECISION_REQUIRED', field: 'input.newDecisionId' });
    if (next.id === appeal.decisionId) throw badInput('newDecisionId must be a new decision, not the one appealed', { reason: 'NEW_DECISION_IS_APPEALED', field: 'input.newDecisionId' });
    if (next.matterId !== appeal.matterId) throw badInput(`The new decision must be on the same ${matter}`, { reason: 'NEW_DECISION_OTHER_CASE', field: 'input.newDecisionId' });
    if (next.decidedOn < appeal.receivedOn) {
      throw badInput('The new decision must be made on or after the request arrived', { reason: 'NEW_DECISION_BEFORE_APPEAL', field: 'input.newDecisionId' });
    }
  } else if (input.newDecision) {
    throw badInput('newDecisionId is given only when the decision was changed', { reason: 'NEW_DECISION_NOT_EXPECTED', field: 'input.newDecisionId' });
  }
  if (input.resolution === AppealResolution.NOT_EXAMINED && appeal.inTime) {
    throw badInput('A request made in time is examined: reject it or change the decision', { reason: 'IN_TIME_APPEAL_MUST_BE_EXAMINED', field: 'input.resolution' });
  }
}
