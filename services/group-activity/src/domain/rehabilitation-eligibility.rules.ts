import { conflict } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';

/**
 * Who may join a rehabilitation group. Sosiaalinen kuntoutus (SHL §17) is granted by an appealable
 * service decision and referral runs only through a social worker's assessment, so enrollment needs a
 * granted SOCIAL_REHABILITATION decision in force on the day, and an open case.
 */

/** Syy: why a client may or may not be enrolled on a date. */
export enum EligibilityReason {
  /** Oikeutettu. */
  ELIGIBLE = 'ELIGIBLE',
  /** group-activity has not heard of the client from case events. */
  CLIENT_NOT_KNOWN = 'CLIENT_NOT_KNOWN',
  /** Ei voimassa olevaa päätöstä sosiaalisesta kuntoutuksesta. */
  NO_ACTIVE_DECISION = 'NO_ACTIVE_DECISION',
  /** Päätös on päättynyt. */
  DECISION_EXPIRED = 'DECISION_EXPIRED',
  /** Päätös tulee voimaan myöhemmin. */
  DECISION_NOT_YET_VALID = 'DECISION_NOT_YET_VALID',
  /** Asiakkuus on päättynyt. */
  CASE_CLOSED = 'CASE_CLOSED',
}

export const SOCIAL_REHABILITATION = 'SOCIAL_REHABILITATION';

/** A service decision as learned from case events (local read model). */
export interface ServiceDecisionFact {
  id: string;
  /** Palvelu; only SOCIAL_REHABILITATION decisions count here. */
  service: string;
  /** Ratkaisu; only GRANTED counts (a denied or partly granted decision does not open groups). */
  outcome: string;
  validFrom: string;
  /** Last valid day, inclusive; null = until further notice (toistaiseksi). */
  validUntil: string | null;
  /** Decision revoked (kumottu) with effect from this day; null if not revoked. */
  revokedOn: string | null;
}

/** What group-activity knows of a client; null client = never heard of them. */
export interface EligibilityFacts {
  client: { caseOpen: boolean } | null;
  decisions: readonly ServiceDecisionFact[];
}

export interface Eligibility {
  eligible: boolean;
  reason: EligibilityReason;
  /** The decision that makes the client eligible, or the one the reason refers to (expired / future). */
  decisionId: string | null;
}

/**
 * Eligibility on `date`. Order: unknown client, closed case, then decisions. A granted social
 * rehabilitation decision not revoked by `date` is in force when validFrom ≤ date ≤ validUntil (or
 * open-ended). Without one, a decision starting later wins over one that has ended (it tells the
 * worker the client will become eligible); the earliest upcoming or the most recently ended is named.
 */
export function eligibilityOn(facts: EligibilityFacts, date: string): Eligibility {
  parseLocalDate(date, 'date');
  if (!facts.client) return { eligible: false, reason: EligibilityReason.CLIENT_NOT_KNOWN, decisionId: null };
  if (!facts.client.caseOpen) return { eligible: false, reason: EligibilityReason.CASE_CLOSED, decisionId: null };

  const granted = facts.decisions.filter(
    (d) => d.service === SOCIAL_REHABILITATION && d.outcome === 'GRANTED' && (d.revokedOn === null || date < d.revokedOn),
  );
  const inForce = granted.filter((d) => d.validFrom <= date && (d.validUntil === null || date <= d.validUntil));
  if (inForce.length > 0) {
    // Name the one lasting longest (open-ended first) so the caller can tell how long eligibility lasts.
    const best = [...inForce].sort((a, b) => (b.validUntil ?? '9999-12-31').localeCompare(a.validUntil ?? '9999-12-31'))[0];
    return { eligible: true, reason: EligibilityReason.ELIGIBLE, decisionId: best.id };
  }
  const future = granted.filter((d) => d.validFrom > date).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  if (future.length > 0) return { eligible: false, reason: EligibilityReason.DECISION_NOT_YET_VALID, decisionId: future[0].id };
  const expired = granted.filter((d) => d.validUntil !== null && d.validUntil < date).sort((a, b) => b.validUntil!.localeCompare(a.validUntil!));
  if (expired.length > 0) return { eligible: false, reason: EligibilityReason.DECISION_EXPIRED, decisionId: expired[0].id };
  return { eligible: false, reason: EligibilityReason.NO_ACTIVE_DECISION, decisionId: null };
}

/**
 * Refuses enrollment of an ineligible client. CONFLICT rather than FORBIDDEN: the worker asking is
 * allowed to enroll clients; it is the client's current decisions and case state that stand in the
 * way. The message is stable; `details.reason` carries the EligibilityReason.
 */
export function assertEligible(facts: EligibilityFacts, date: string): Eligibility {
  const eligibility = eligibilityOn(facts, date);
  if (!eligibility.eligible) {
    throw conflict('client has no active social rehabilitation decision', { reason: eligibility.reason, decisionId: eligibility.decisionId });
  }
  return eligibility;
}
