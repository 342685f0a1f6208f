import { LocalDate, parseLocalDate } from '@asw/calendar';
import { badInput, conflict } from '@asw/platform';
import { assertEnumValue, requiredText } from '../domain/text.rules';

/** Toimenpide of an activation plan (laki kuntouttavasta työtoiminnasta 189/2001). */
export enum ActivationMeasureKind {
  /** Kuntouttava työtoiminta: 1–5 days a week (189/2001 §13). */
  REHABILITATIVE_WORK_ACTIVITY = 'REHABILITATIVE_WORK_ACTIVITY',
  /** Työllisyyspalvelut: coaching, job search, labour-market training. */
  EMPLOYMENT_SERVICE = 'EMPLOYMENT_SERVICE',
  /** Sosiaali- ja terveyspalvelut, e.g. substance-abuse or mental-health services. */
  SOCIAL_OR_HEALTH_SERVICE = 'SOCIAL_OR_HEALTH_SERVICE',
  /** Koulutus */
  EDUCATION = 'EDUCATION',
  OTHER = 'OTHER',
}

/** Where a plan stands: it is in force once the county and employment services have both signed. */
export enum ActivationPlanStatus {
  DRAFT = 'DRAFT',
  SIGNED_BY_COUNTY = 'SIGNED_BY_COUNTY',
  SIGNED_BY_EMPLOYMENT_SERVICES = 'SIGNED_BY_EMPLOYMENT_SERVICES',
  IN_FORCE = 'IN_FORCE',
}

/** The only partner a plan is drawn up with (189/2001: the employment authority and the county together). */
export const PLAN_PARTNER = 'EMPLOYMENT_SERVICES' as const;

export interface ActivationMeasure {
  kind: ActivationMeasureKind;
  description: string;
  /** Days a week; required for rehabilitative work activity. */
  daysPerWeek: number | null;
}

export interface ActivationPlanInput {
  goals: readonly string[];
  measures: ReadonlyArray<{ kind: string; description: string; daysPerWeek?: number | null }>;
  validFrom: string;
  validUntil: string;
  reviewDate: string;
}

export interface ActivationPlanContent {
  goals: string[];
  measures: ActivationMeasure[];
  validFrom: LocalDate;
  validUntil: LocalDate;
  reviewDate: LocalDate;
}

/** What the signing rules need of a stored plan. */
export interface PlanSignatures {
  sharedAt: Date | null;
  countySignedAt: Date | null;
  employmentServicesSignedAt: Date | null;
}

const MAX_GOALS = 20;
const MAX_MEASURES = 20;
const MAX_TEXT = 1000;

function daysPerWeekOf(kind: ActivationMeasureKind, value: number | null | undefined, field: string): number | null {
  const max = kind === ActivationMeasureKind.REHABILITATIVE_WORK_ACTIVITY ? 5 : 7;
  if (value === null || value === undefined) {
    if (kind === ActivationMeasureKind.REHABILITATIVE_WORK_ACTIVITY) throw badInput(`${field} is required for rehabilitative work activity (1–5 days a week)`, { field });
    return null;
  }
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(`${field} must be a whole number from 1 to ${max}`, { field });
  return value;
}

/**
 * An activation plan's content: at least one goal and one measure, rehabilitative work activity 1–5
 * days a week, a validity period that ends after it starts and a review date within it. Refuses with
 * BAD_USER_INPUT naming the field.
 */
export function validateActivationPlan(input: ActivationPlanInput): ActivationPlanContent {
  const goals = input.goals ?? [];
  if (goals.length === 0) throw badInput('goals: at least one goal is required', { field: 'goals' });
  if (goals.length > MAX_GOALS) throw badInput(`goals: at most ${MAX_GOALS}`, { field: 'goals' });
  const measures = input.measures ?? [];
  if (measures.length === 0) throw badInput('measures: at least one measure is required', { field: 'measures' });
  if (measures.length > MAX_MEASURES) throw badInput(`measures: at most ${MAX_MEASURES}`, { field: 'measures' });
  const validFrom = parseLocalDate(input.validFrom, 'validFrom');
  const validUntil = parseLocalDate(input.validUntil, 'validUntil');
  if (validUntil <= validFrom) throw badInput('validUntil must be after validFrom', { field: 'validUntil' });
  const reviewDate = parseLocalDate(input.reviewDate, 'reviewDate');
  if (reviewDate < validFrom || reviewDate > validUntil) throw badInput('reviewDate must be within the validity period', { field: 'reviewDate' });
  return {
    goals: goals.map((goal, index) => requiredText(`goals[${index}]`, goal, MAX_TEXT)),
    measures: measures.map((measure, index) => {
      const kind = assertEnumValue(`measures[${index}].kind`, ActivationMeasureKind, measure.kind);
      return {
        kind,
        description: requiredText(`measures[${index}].description`, measure.description, MAX_TEXT),
        daysPerWeek: daysPerWeekOf(kind, measure.daysPerWeek, `measures[${index}].daysPerWeek`),
      };
    }),
    validFrom,
    validUntil,
    reviewDate,
  };
}

export function activationPlanStatus(plan: PlanSignatures): ActivationPlanStatus {
  if (plan.countySignedAt && plan.employmentServicesSignedAt) return ActivationPlanStatus.IN_FORCE;
  if (plan.countySignedAt) return ActivationPlanStatus.SIGNED_BY_COUNTY;
  if (plan.employmentServicesSignedAt) return ActivationPlanStatus.SIGNED_BY_EMPLOYMENT_SERVICES;
  return ActivationPlanStatus.DRAFT;
}

/** A plan is shared with employment services once. */
export function assertShareable(plan: PlanSignatures): void {
  if (plan.sharedAt) throw conflict('The plan is already shared with employment services', { reason: 'ALREADY_SHARED' });
}

export const MAX_ORGANISATION_LENGTH = 200;

/** The office or municipality named by the county when sharing: trimmed, NFC, 1–200 characters. */
export function parseSharedWith(value: string): string {
  const organisation = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (organisation.length === 0 || organisation.length > MAX_ORGANISATION_LENGTH) {
    throw badInput(`name the employment-services office or municipality (1–${MAX_ORGANISATION_LENGTH} characters)`, { reason: 'SHARED_WITH_REQUIRED', field: 'sharedWith' });
  }
  return organisation;
}

/**
 * Laki kuntouttavasta työtoiminnasta 189/2001 8 §: the plan is drawn up by the county together with
 * the client's employment authority; only the office the county shared it with (its token's `org`
 * claim, NFC-compared) may read or co-sign it, not every employment-services partner.
 */
export function sharedWithPartner(plan: { sharedAt: Date | null; sharedWith: string | null }, partnerOrganisation: string): boolean {
  return plan.sharedAt !== null && plan.sharedWith !== null && plan.sharedWith === partnerOrganisation.normalize('NFC').trim();
}

/** Each side signs once; employment services sign only a plan shared with them. */
export function assertSignable(plan: PlanSignatures, side: 'COUNTY' | 'EMPLOYMENT_SERVICES'): void {
  if (side === 'COUNTY' && plan.countySignedAt) throw conflict('The county has already signed the plan');
  if (side === 'EMPLOYMENT_SERVICES') {
    if (!plan.sharedAt) throw conflict('The plan is not shared with employment services');
    if (plan.employmentServicesSignedAt) throw conflict('Employment services have already signed the plan');
  }
}
