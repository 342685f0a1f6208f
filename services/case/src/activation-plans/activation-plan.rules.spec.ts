import { expectRefusal } from '../domain/domain-error.testing';
import {
  ActivationMeasureKind,
  ActivationPlanInput,
  activationPlanStatus,
  parseSharedWith,
  sharedWithPartner,
  ActivationPlanStatus,
  assertShareable,
  assertSignable,
  PlanSignatures,
  validateActivationPlan,
} from './activation-plan.rules';

const RWA = ActivationMeasureKind.REHABILITATIVE_WORK_ACTIVITY;
const valid: ActivationPlanInput = {
  goals: ['  Päivärytmi ja työkyvyn arviointi  '],
  measures: [
    { kind: RWA, description: 'Kuntouttava työtoiminta, puutyöpaja', daysPerWeek: 3 },
    { kind: ActivationMeasureKind.EMPLOYMENT_SERVICE, description: 'Työvalmentaja' },
  ],
  validFrom: '2026-03-02',
  validUntil: '2026-08-31',
  reviewDate: '2026-05-29',
};

describe('validateActivationPlan', () => {
  it('keeps trimmed goals, measures with their days a week, and the period', () => {
    expect(validateActivationPlan(valid)).toEqual({
      goals: ['Päivärytmi ja työkyvyn arviointi'],
      measures: [
        { kind: RWA, description: 'Kuntouttava työtoiminta, puutyöpaja', daysPerWeek: 3 },
        { kind: ActivationMeasureKind.EMPLOYMENT_SERVICE, description: 'Työvalmentaja', daysPerWeek: null },
      ],
      validFrom: '2026-03-02',
      validUntil: '2026-08-31',
      reviewDate: '2026-05-29',
    });
  });

  it.each<[string, Partial<ActivationPlanInput>, string, string]>([
    ['no goals', { goals: [] }, 'goals', 'at least one goal'],
    ['a blank goal', { goals: ['ok', '   '] }, 'goals[1]', 'goals[1] is required'],
    ['no measures', { measures: [] }, 'measures', 'at least one measure'],
    ['an unknown measure kind', { measures: [{ kind: 'WORKFARE', description: 'x' }] }, 'measures[0].kind', 'unknown value'],
    ['a measure without description', { measures: [{ kind: 'EDUCATION', description: ' ' }] }, 'measures[0].description', 'is required'],
    ['rehabilitative work activity without days a week', { measures: [{ kind: RWA, description: 'x' }] }, 'measures[0].daysPerWeek', 'required for rehabilitative work activity'],
    ['rehabilitative work activity 0 days a week', { measures: [{ kind: RWA, description: 'x', daysPerWeek: 0 }] }, 'measures[0].daysPerWeek', 'from 1 to 5'],
    ['rehabilitative work activity 6 days a week', { measures: [{ kind: RWA, description: 'x', daysPerWeek: 6 }] }, 'measures[0].daysPerWeek', 'from 1 to 5'],
    ['half days', { measures: [{ kind: RWA, description: 'x', daysPerWeek: 2.5 }] }, 'measures[0].daysPerWeek', 'whole number'],
    ['another measure 8 days a week', { measures: [{ kind: 'OTHER', description: 'x', daysPerWeek: 8 }] }, 'measures[0].daysPerWeek', 'from 1 to 7'],
    ['an end on the start day', { validUntil: '2026-03-02' }, 'validUntil', 'validUntil must be after validFrom'],
    ['an end before the start', { validUntil: '2026-03-01' }, 'validUntil', 'validUntil must be after validFrom'],
    ['a date that does not exist', { validFrom: '2026-02-30' }, 'validFrom', 'not a real calendar date'],
    ['a review before the start', { reviewDate: '2026-03-01' }, 'reviewDate', 'within the validity period'],
    ['a review after the end', { reviewDate: '2026-09-01' }, 'reviewDate', 'within the validity period'],
  ])('refuses %s: BAD_USER_INPUT naming %s', (_name, change, field, message) => {
    expectRefusal(() => validateActivationPlan({ ...valid, ...change }), 'BAD_USER_INPUT', message, { field });
  });

  it.each([
    ['the first day', '2026-03-02'],
    ['the last day', '2026-08-31'],
  ])('admits a review on %s of the period', (_name, reviewDate) => {
    expect(validateActivationPlan({ ...valid, reviewDate }).reviewDate).toBe(reviewDate);
  });
});

const at = new Date('2026-03-02T10:00:00Z');
const plan = (overrides: Partial<PlanSignatures> = {}): PlanSignatures => ({ sharedAt: null, countySignedAt: null, employmentServicesSignedAt: null, ...overrides });

describe('activation plan signatures', () => {
  it.each<[string, ActivationPlanStatus, PlanSignatures]>([
    ['nobody signed', ActivationPlanStatus.DRAFT, plan()],
    ['shared, nobody signed', ActivationPlanStatus.DRAFT, plan({ sharedAt: at })],
    ['the county signed', ActivationPlanStatus.SIGNED_BY_COUNTY, plan({ countySignedAt: at })],
    ['employment services signed', ActivationPlanStatus.SIGNED_BY_EMPLOYMENT_SERVICES, plan({ sharedAt: at, employmentServicesSignedAt: at })],
    ['both signed', ActivationPlanStatus.IN_FORCE, plan({ sharedAt: at, countySignedAt: at, employmentServicesSignedAt: at })],
  ])('%s → %s', (_name, status, signatures) => {
    expect(activationPlanStatus(signatures)).toBe(status);
  });

  it.each<[string, PlanSignatures, 'COUNTY' | 'EMPLOYMENT_SERVICES', string | null]>([
    ['the county signs a draft', plan(), 'COUNTY', null],
    ['the county signs twice', plan({ countySignedAt: at }), 'COUNTY', 'already signed'],
    ['employment services sign a shared plan', plan({ sharedAt: at }), 'EMPLOYMENT_SERVICES', null],
    ['employment services sign an unshared plan', plan({ countySignedAt: at }), 'EMPLOYMENT_SERVICES', 'not shared'],
    ['employment services sign twice', plan({ sharedAt: at, employmentServicesSignedAt: at }), 'EMPLOYMENT_SERVICES', 'already signed'],
  ])('%s', (_name, signatures, side, refusal) => {
    if (refusal) expectRefusal(() => assertSignable(signatures, side), 'CONFLICT', refusal);
    else expect(() => assertSignable(signatures, side)).not.toThrow();
  });

  it('shares a plan once', () => {
    expect(() => assertShareable(plan())).not.toThrow();
    expectRefusal(() => assertShareable(plan({ sharedAt: at })), 'CONFLICT', 'already shared');
  });

  // 189/2001 8 §: drawn up with the client's employment authority; only the office it was shared with reads it.
  it.each<[string, { sharedAt: Date | null; sharedWith: string | null }, string, boolean]>([
    ['the office it was shared with', { sharedAt: at, sharedWith: 'Jyväskylän työllisyyspalvelut' }, 'Jyväskylän työllisyyspalvelut', true],
    ['the same office, decomposed ä (NFD) in the token', { sharedAt: at, sharedWith: 'Jyväskylän työllisyyspalvelut' }, 'Jyva\u0308skyla\u0308n työllisyyspalvelut'.normalize('NFD'), true],
    ['another office', { sharedAt: at, sharedWith: 'Jyväskylän työllisyyspalvelut' }, 'Tampereen työllisyyspalvelut', false],
    ['a plan not shared', { sharedAt: null, sharedWith: null }, 'Jyväskylän työllisyyspalvelut', false],
    ['a plan shared before offices were recorded', { sharedAt: at, sharedWith: null }, 'Jyväskylän työllisyyspalvelut', false],
  ])('sharedWithPartner: %s → %s', (_name, plan, organisation, expected) => {
    expect(sharedWithPartner(plan, organisation)).toBe(expected);
  });

  it.each([['', false], ['   ', false], ['x'.repeat(201), false], [' Jyväskylän työllisyyspalvelut ', true]])('parseSharedWith(%j) accepted: %s', (value, accepted) => {
    if (accepted) expect(parseSharedWith(value)).toBe('Jyväskylän työllisyyspalvelut');
    else expectRefusal(() => parseSharedWith(value), 'BAD_USER_INPUT', 'office');
  });
});
