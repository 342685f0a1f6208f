import { badInput } from '@asw/platform';
import { requiredText } from './text.rules';

/** Tuen tarve: what the client needs support with, recorded in the service need assessment (SHL §36). */
export enum SupportNeed {
  /** Toimeentulo */
  INCOME = 'INCOME',
  /** Asuminen */
  HOUSING = 'HOUSING',
  /** Päihteet */
  SUBSTANCE_ABUSE = 'SUBSTANCE_ABUSE',
  /** Mielenterveys */
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  /** Rahapelaaminen */
  GAMBLING = 'GAMBLING',
  /** Työllistyminen */
  EMPLOYMENT = 'EMPLOYMENT',
  /** Arjessa selviytyminen */
  DAILY_LIVING = 'DAILY_LIVING',
  /** Sosiaaliset suhteet */
  SOCIAL_RELATIONSHIPS = 'SOCIAL_RELATIONSHIPS',
  /** Vapautuminen vankilasta */
  PRISON_RELEASE = 'PRISON_RELEASE',
  /** Opinnot */
  STUDIES = 'STUDIES',
  /** Velkaantuminen */
  DEBT = 'DEBT',
  /** Muu */
  OTHER = 'OTHER',
}

export const MAX_ASSESSMENT_SUMMARY = 4000;

export interface AssessmentCompletionInput {
  /** Arvion yhteenveto: the worker's conclusion, shared with the client. */
  summary: string;
  supportNeeds: readonly SupportNeed[];
  /** Erityistä tukea tarvitseva (§3): decides whether a social worker must be on the case (§42). */
  specialSupportNeeded: boolean;
}

export interface AssessmentCompletion {
  summary: string;
  supportNeeds: SupportNeed[];
  specialSupportNeeded: boolean;
}

/**
 * A completed assessment (§36) states its conclusion and at least one support need; refuses a blank or
 * overlong summary and unknown or repeated needs (BAD_USER_INPUT naming the field).
 */
export function validateAssessmentCompletion(input: AssessmentCompletionInput): AssessmentCompletion {
  const summary = requiredText('summary', input.summary, MAX_ASSESSMENT_SUMMARY);
  const needs = input.supportNeeds ?? [];
  if (needs.length === 0) throw badInput('At least one support need is required', { field: 'supportNeeds' });
  const seen = new Set<string>();
  needs.forEach((need, index) => {
    if (!Object.values(SupportNeed).includes(need)) throw badInput(`supportNeeds[${index}] has an unknown value ${JSON.stringify(need)}`, { field: 'supportNeeds', index });
    if (seen.has(need)) throw badInput(`Support need ${need} is listed more than once`, { field: 'supportNeeds', index, supportNeed: need });
    seen.add(need);
  });
  if (typeof input.specialSupportNeeded !== 'boolean') throw badInput('specialSupportNeeded must be stated', { field: 'specialSupportNeeded' });
  return { summary, supportNeeds: [...needs], specialSupportNeeded: input.specialSupportNeeded };
}
