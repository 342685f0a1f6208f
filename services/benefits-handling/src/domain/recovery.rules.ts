import { badInput, conflict } from '@asw/platform';
import { assertCents, Cents } from './cents.util';
import { parseLocalDate } from '@asw/calendar';

/**
 * Takaisinperintä (Laki toimeentulotuesta 1412/1997 §19–21). The main rule is no recovery; it is
 * possible only on the grounds of §20, and the repayment order is made by the administrative court
 * (hallinto-oikeus) on the county's application, which also weighs the client's means to repay.
 */
export enum RecoveryGround {
  /** Tulot tai varat eivät vielä käytettävissä (20 § 1 mom: recovery decided when granting). */
  ASSETS_NOT_YET_AVAILABLE = 'ASSETS_NOT_YET_AVAILABLE',
  /** Tahallinen elatusvelvollisuuden laiminlyönti itsensä osalta. */
  WILFUL_NEGLECT_OF_SELF_SUPPORT = 'WILFUL_NEGLECT_OF_SELF_SUPPORT',
  /** Lakko. */
  STRIKE = 'STRIKE',
  /** Elatusvelvollisen tahallinen laiminlyönti. */
  MAINTENANCE_LIABLE_NEGLECT = 'MAINTENANCE_LIABLE_NEGLECT',
  /** Väärät tiedot. */
  FALSE_INFORMATION = 'FALSE_INFORMATION',
}

/**
 * Toimeentulotukilaki 1412/1997 20 § 1 mom: recovery on these grounds is possible only if it was
 * decided when the support was granted (the granting decision says so). 20 § 2 mom: false or
 * misleading information, or concealment, is recoverable without such a decision.
 */
export const GROUNDS_DECIDED_WHEN_GRANTING: ReadonlySet<RecoveryGround> = new Set([
  RecoveryGround.ASSETS_NOT_YET_AVAILABLE,
  RecoveryGround.WILFUL_NEGLECT_OF_SELF_SUPPORT,
  RecoveryGround.STRIKE,
  RecoveryGround.MAINTENANCE_LIABLE_NEGLECT,
]);

/** From whom the support is recovered (takaisinperinnän kohde). */
export enum RecoveryDebtor {
  /** Tuensaaja. */
  CLIENT = 'CLIENT',
  /** Elatusvelvollinen (20 § 1 mom: a maintenance-liable person who wilfully neglected their duty). */
  MAINTENANCE_LIABLE_PERSON = 'MAINTENANCE_LIABLE_PERSON',
}

export const MAX_LIABLE_PERSON_NAME_LENGTH = 200;

export enum RecoveryClaimStatus {
  /** Luonnos. */
  DRAFT = 'DRAFT',
  /** Haettu hallinto-oikeudelta. */
  APPLIED_TO_COURT = 'APPLIED_TO_COURT',
  /** Hallinto-oikeus ratkaissut. */
  DECIDED_BY_COURT = 'DECIDED_BY_COURT',
}

export enum CourtOutcome {
  /** Takaisinperintä määrätty. */
  ORDERED = 'ORDERED',
  /** Hakemus hylätty. */
  REJECTED = 'REJECTED',
}

/** The granting decision a claim attaches to. */
export interface RecoveryTargetDecision {
  id: string;
  grantedCents: Cents;
  /** The granting decision itself said the support will be recovered (§20, assets not yet available). */
  recoveryDecidedWhenGranting: boolean;
}

export interface RecoveryClaim {
  decisionId: string;
  ground: RecoveryGround;
  /** The maintenance-liable person on MAINTENANCE_LIABLE_NEGLECT, else the client. */
  recoveredFrom: RecoveryDebtor;
  /** Name of the maintenance-liable person recovered from; null when recovered from the client. Personal data: never in logs or events. */
  liablePersonName: string | null;
  amountCents: Cents;
  status: RecoveryClaimStatus;
  appliedOn: string | null;
  courtDecidedOn: string | null;
  courtOutcome: CourtOutcome | null;
}

/**
 * A new DRAFT claim. The amount is positive and, together with the other live claims on the same
 * decision (drafts, pending and ORDERED; rejected ones do not count), at most what the decision
 * granted: nothing is recovered twice. The 20 § 1 mom grounds (assets not yet available, wilful
 * neglect of self-support, strike, a maintenance-liable person's wilful neglect) must have been decided
 * in the granting decision, so they attach only to a decision flagged recoveryDecidedWhenGranting;
 * false information (20 § 2 mom) may be recorded afterwards. A maintenance-liable person's neglect is
 * recovered from that person (named), every other ground from the client.
 */
export function draftRecoveryClaim(input: {
  decision: RecoveryTargetDecision;
  ground: RecoveryGround;
  amountCents: Cents;
  /** Sum of the decision's other claims that are not REJECTED. */
  otherClaimsCents?: Cents;
  /** The maintenance-liable person's name: required for MAINTENANCE_LIABLE_NEGLECT, refused for other grounds. */
  liablePersonName?: string | null;
}): RecoveryClaim {
  const { decision, ground } = input;
  if (!Object.values(RecoveryGround).includes(ground)) throw badInput('unknown recovery ground', { field: 'ground' });
  const amount = assertCents(input.amountCents, 'amountCents', Number.MAX_SAFE_INTEGER);
  if (amount === 0) throw badInput('amountCents must be more than zero', { field: 'amountCents' });
  if (GROUNDS_DECIDED_WHEN_GRANTING.has(ground) && !decision.recoveryDecidedWhenGranting) {
    throw conflict(`recovery on the ground ${ground} must have been decided when the support was granted (toimeentulotukilaki 20 § 1 mom)`, {
      reason: 'RECOVERY_NOT_DECIDED_WHEN_GRANTING',
      field: 'ground',
      decisionId: decision.id,
    });
  }
  const liablePersonName = typeof input.liablePersonName === 'string' ? input.liablePersonName.normalize('NFC').trim().replace(/\s+/g, ' ') || null : null;
  if (ground === RecoveryGround.MAINTENANCE_LIABLE_NEGLECT && liablePersonName === null) {
    throw badInput('name the maintenance-liable person the support is recovered from', { reason: 'LIABLE_PERSON_REQUIRED', field: 'liablePersonName' });
  }
  if (ground !== RecoveryGround.MAINTENANCE_LIABLE_NEGLECT && liablePersonName !== null) {
    throw badInput('only a maintenance-liable person’s neglect is recovered from someone other than the client', { reason: 'LIABLE_PERSON_ONLY_FOR_MAINTENANCE_GROUND', field: 'liablePersonName' });
  }
  if (liablePersonName !== null && liablePersonName.length > MAX_LIABLE_PERSON_NAME_LENGTH) {
    throw badInput(`liablePersonName must be at most ${MAX_LIABLE_PERSON_NAME_LENGTH} characters`, { reason: 'LIABLE_PERSON_NAME_TOO_LONG', field: 'liablePersonName' });
  }
  const available = decision.grantedCents - (input.otherClaimsCents ?? 0);
  if (amount > available) {
    throw badInput('the amount to recover exceeds what the decision granted', { field: 'amountCents', availableCents: Math.max(0, available) });
  }
  return {
    decisionId: decision.id,
    ground,
    recoveredFrom: liablePersonName === null ? RecoveryDebtor.CLIENT : RecoveryDebtor.MAINTENANCE_LIABLE_PERSON,
    liablePersonName,
    amountCents: amount,
    status: RecoveryClaimStatus.DRAFT,
    appliedOn: null,
    courtDecidedOn: null,
    courtOutcome: null,
  };
}

/** DRAFT → APPLIED_TO_COURT: the county's application to the hallinto-oikeus. */
export function applyToCourt(claim: RecoveryClaim, appliedOn: string): RecoveryClaim {
  if (claim.status !== RecoveryClaimStatus.DRAFT) {
    throw conflict(`only a draft claim can be taken to court (this one is ${claim.status})`, { status: claim.status });
  }
  parseLocalDate(appliedOn, 'appliedOn');
  return { ...claim, status: RecoveryClaimStatus.APPLIED_TO_COURT, appliedOn };
}

/** APPLIED_TO_COURT → DECIDED_BY_COURT with the court's outcome. */
export function recordCourtDecision(claim: RecoveryClaim, input: { decidedOn: string; outcome: CourtOutcome }): RecoveryClaim {
  if (claim.status !== RecoveryClaimStatus.APPLIED_TO_COURT) {
    throw conflict(`the court decides only a claim applied to it (this one is ${claim.status})`, { status: claim.status });
  }
  parseLocalDate(input.decidedOn, 'decidedOn');
  if (!Object.values(CourtOutcome).includes(input.outcome)) throw badInput('unknown court outcome', { field: 'outcome' });
  if (input.decidedOn < claim.appliedOn!) throw badInput('the court cannot decide before the application', { field: 'decidedOn' });
  return { ...claim, status: RecoveryClaimStatus.DECIDED_BY_COURT, courtDecidedOn: input.decidedOn, courtOutcome: input.outcome };
}
