import type { LocalDate } from '@asw/calendar';
import { badInput, conflict } from '@asw/platform';

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

export interface AppealToResolve {
  status: AppealStatus;
  inTime: boolean;
  receivedOn: LocalDate;
  caseId: string;
  decisionId: string;
}

export interface AppealResolutionInput {
  resolution: AppealResolution;
  resolvedOn: LocalDate;
  /** The new decision, for DECISION_CHANGED: on the same case, made on or after the request arrived. */
  newDecision: { id: string; caseId: string; decidedOn: LocalDate } | null;
  today: LocalDate;
}

/**
 * Checks a resolution of a request for review. Only a late request (HL 49 c §) is left unexamined
 * (jätetään tutkimatta); the county may still correct a decision on its own (HL 50 §), recorded as
 * DECISION_CHANGED. A change is a new decision on the same case, dated on or after the request.
 */
export function checkAppealResolution(appeal: AppealToResolve, input: AppealResolutionInput): void {
  if (appeal.status !== AppealStatus.PENDING) throw conflict('This request for review is already resolved', { reason: 'APPEAL_ALREADY_RESOLVED' });
  if (input.resolvedOn < appeal.receivedOn) {
    throw badInput('resolvedOn must not be before the request arrived', { reason: 'RESOLVED_BEFORE_RECEIVED', field: 'input.resolvedOn' });
  }
  if (input.resolvedOn > input.today) throw badInput('resolvedOn must not be in the future', { reason: 'RESOLVED_IN_FUTURE', field: 'input.resolvedOn' });
  if (input.resolution === AppealResolution.DECISION_CHANGED) {
    const next = input.newDecision;
    if (!next) throw badInput('A changed decision needs newDecisionId, the decision that replaces it', { reason: 'NEW_DECISION_REQUIRED', field: 'input.newDecisionId' });
    if (next.id === appeal.decisionId) throw badInput('newDecisionId must be a new decision, not the one appealed', { reason: 'NEW_DECISION_IS_APPEALED', field: 'input.newDecisionId' });
    if (next.caseId !== appeal.caseId) throw badInput('The new decision must be on the same case', { reason: 'NEW_DECISION_OTHER_CASE', field: 'input.newDecisionId' });
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
