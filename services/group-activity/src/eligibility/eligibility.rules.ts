/** Why a client may or may not be enrolled in a rehabilitation group (sosiaalinen kuntoutus, SHL §17). */
export enum EligibilityReason {
  CLIENT_NOT_KNOWN = 'CLIENT_NOT_KNOWN',
  NO_ACTIVE_DECISION = 'NO_ACTIVE_DECISION',
}

export interface Eligibility {
  eligible: boolean;
  reason: EligibilityReason;
  clientKnownSince: Date | null;
}

/**
 * Enrollment needs an active SOCIAL_REHABILITATION service decision, and referral runs only through a
 * social worker's assessment. Until case has announced such a decision, nobody is eligible.
 */
export function eligibilityOf(knownSince: Date | null): Eligibility {
  if (!knownSince) return { eligible: false, reason: EligibilityReason.CLIENT_NOT_KNOWN, clientKnownSince: null };
  return { eligible: false, reason: EligibilityReason.NO_ACTIVE_DECISION, clientKnownSince: knownSince };
}
