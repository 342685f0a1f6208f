import { badInput } from '@asw/platform';
import { MAX_GOAL_TEXT } from './client-plan.rules';
import { parseLocalDate } from '@asw/calendar';
import { assertEnumValue, requiredText } from './text.rules';

/** Palvelu: the social welfare service a decision (päätös, SHL §45) is about. */
export enum ServiceType {
  /** Sosiaalinen kuntoutus (§17) */
  SOCIAL_REHABILITATION = 'SOCIAL_REHABILITATION',
  /** Asumisen tuki / asumissosiaalinen työ */
  HOUSING_SUPPORT = 'HOUSING_SUPPORT',
  /** Päihdepalvelu */
  SUBSTANCE_ABUSE_SERVICE = 'SUBSTANCE_ABUSE_SERVICE',
  /** Tuettu asuminen */
  SUPPORTED_HOUSING = 'SUPPORTED_HOUSING',
  /** Muu palvelu */
  OTHER = 'OTHER',
}

/** Päätöksen lopputulos */
export enum DecisionOutcome {
  /** Myönteinen */
  GRANTED = 'GRANTED',
  /** Kielteinen */
  DENIED = 'DENIED',
}

export const MAX_DECISION_REASONING = 10_000;

export interface ServiceDecisionInput {
  serviceType: ServiceType;
  outcome: DecisionOutcome;
  /** Perustelut: a decision must state its reasons (Hallintolaki 434/2003 §45). */
  reasoning: string;
  /** First day of the service; required when granted. */
  validFrom?: string | null;
  /** Last day, inclusive; null or absent = until further notice (toistaiseksi). */
  validUntil?: string | null;
  /** Asiakkaan omat tavoitteet, written into a social rehabilitation decision (§17). */
  clientGoals?: readonly string[] | null;
}

export interface ServiceDecision {
  serviceType: ServiceType;
  outcome: DecisionOutcome;
  reasoning: string;
  validFrom: string | null;
  validUntil: string | null;
  clientGoals: string[];
}

/**
 * A service is granted by an appealable administrative decision (SHL §45). A grant has a validity
 * period (open-ended allowed); a denial grants nothing, so it has none. A granted social
 * rehabilitation decision carries the client's own goals (§17). Refuses with BAD_USER_INPUT.
 */
export function validateServiceDecision(input: ServiceDecisionInput): ServiceDecision {
  const serviceType = assertEnumValue('serviceType', ServiceType, input.serviceType);
  const outcome = assertEnumValue('outcome', DecisionOutcome, input.outcome);
  const reasoning = requiredText('reasoning', input.reasoning, MAX_DECISION_REASONING);
  const granted = outcome === DecisionOutcome.GRANTED;

  let validFrom: string | null = null;
  let validUntil: string | null = null;
  if (granted) {
    if (!input.validFrom) throw badInput('validFrom is required when the service is granted', { field: 'validFrom' });
    validFrom = parseLocalDate(input.validFrom, 'validFrom');
    validUntil = input.validUntil ? parseLocalDate(input.validUntil, 'validUntil') : null;
    if (validUntil !== null && validUntil < validFrom) throw badInput('validUntil must not be before validFrom', { field: 'validUntil', validFrom, validUntil });
  } else if (input.validFrom || input.validUntil) {
    throw badInput('A denied decision has no validity period', { field: input.validFrom ? 'validFrom' : 'validUntil' });
  }

  const clientGoals = (input.clientGoals ?? []).map((goal, index) => requiredText(`clientGoals[${index}]`, goal, MAX_GOAL_TEXT));
  if (granted && serviceType === ServiceType.SOCIAL_REHABILITATION && clientGoals.length === 0) {
    throw badInput("A decision granting social rehabilitation must state the client's own goals (SHL §17)", { field: 'clientGoals' });
  }
  return { serviceType, outcome, reasoning, validFrom, validUntil, clientGoals };
}

/** A granted decision is active from validFrom through validUntil (inclusive), or indefinitely without an end. */
export function isDecisionActiveOn(decision: Pick<ServiceDecision, 'outcome' | 'validFrom' | 'validUntil'>, date: string): boolean {
  parseLocalDate(date, 'date');
  if (decision.outcome !== DecisionOutcome.GRANTED || decision.validFrom === null) return false;
  return decision.validFrom <= date && (decision.validUntil === null || date <= decision.validUntil);
}
