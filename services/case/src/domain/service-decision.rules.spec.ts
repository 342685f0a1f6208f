import { expectRefusal } from './domain-error.testing';
import { DecisionOutcome, isDecisionActiveOn, ServiceDecisionInput, ServiceType, validateServiceDecision } from './service-decision.rules';

const { GRANTED, DENIED } = DecisionOutcome;
const grant: ServiceDecisionInput = { serviceType: ServiceType.HOUSING_SUPPORT, outcome: GRANTED, reasoning: 'Asumisen tuen tarve todettu arviossa.', validFrom: '2025-04-01', validUntil: '2025-09-30' };
const rehabilitation: ServiceDecisionInput = { ...grant, serviceType: ServiceType.SOCIAL_REHABILITATION, clientGoals: ['Säännöllinen päivärytmi'] };
const denial: ServiceDecisionInput = { serviceType: ServiceType.SUPPORTED_HOUSING, outcome: DENIED, reasoning: 'Tarve voidaan täyttää kevyemmin palveluin.' };

describe('validateServiceDecision', () => {
  it.each([
    ['a fixed-term grant', grant, { validFrom: '2025-04-01', validUntil: '2025-09-30', clientGoals: [] }],
    ['an open-ended grant', { ...grant, validUntil: null }, { validUntil: null }],
    ['a one-day grant', { ...grant, validUntil: '2025-04-01' }, { validUntil: '2025-04-01' }],
    ['social rehabilitation with goals', { ...rehabilitation, clientGoals: [' Säännöllinen päivärytmi ', 'Ryhmään osallistuminen'] }, { clientGoals: ['Säännöllinen päivärytmi', 'Ryhmään osallistuminen'] }],
    ['a denial', denial, { outcome: DENIED, validFrom: null, validUntil: null }],
    ['a social rehabilitation denial without goals', { ...denial, serviceType: ServiceType.SOCIAL_REHABILITATION }, { clientGoals: [] }],
  ])('accepts %s', (_label, input, expected) => {
    expect(validateServiceDecision(input)).toMatchObject(expected);
  });

  it.each([
    ['no reasoning', { ...grant, reasoning: '  ' }, 'reasoning is required', { field: 'reasoning' }],
    ['overlong reasoning', { ...grant, reasoning: 'r'.repeat(10_001) }, 'at most 10000', { field: 'reasoning' }],
    ['a grant without a start', { ...grant, validFrom: null }, 'validFrom is required', { field: 'validFrom' }],
    ['a malformed start', { ...grant, validFrom: '2025-4-1' }, 'validFrom must be a date', { field: 'validFrom' }],
    ['a malformed end', { ...grant, validUntil: '2025-09-31' }, 'validUntil is not a real calendar date', { field: 'validUntil' }],
    ['an end before the start', { ...grant, validUntil: '2025-03-31' }, 'validUntil must not be before validFrom', { field: 'validUntil' }],
    ['a denial with a validity period', { ...denial, validFrom: '2025-04-01' }, 'denied decision has no validity', { field: 'validFrom' }],
    ['a denial with an end date', { ...denial, validUntil: '2025-04-01' }, 'denied decision has no validity', { field: 'validUntil' }],
    ['social rehabilitation without goals', { ...rehabilitation, clientGoals: [] }, "client's own goals (SHL §17)", { field: 'clientGoals' }],
    ['social rehabilitation with goals absent', { ...rehabilitation, clientGoals: undefined }, "client's own goals", { field: 'clientGoals' }],
    ['a blank goal', { ...rehabilitation, clientGoals: ['Päivärytmi', ''] }, 'clientGoals[1] is required', { field: 'clientGoals[1]' }],
    ['an unknown service', { ...grant, serviceType: 'MASSAGE' as ServiceType }, 'serviceType has an unknown value', { field: 'serviceType' }],
    ['an unknown outcome', { ...grant, outcome: 'MAYBE' as DecisionOutcome }, 'outcome has an unknown value', { field: 'outcome' }],
  ])('refuses %s', (_label, input, message, details) => {
    expectRefusal(() => validateServiceDecision(input), 'BAD_USER_INPUT', message, details);
  });
});

describe('isDecisionActiveOn', () => {
  const fixed = { outcome: GRANTED, validFrom: '2025-04-01', validUntil: '2025-09-30' };
  const open = { outcome: GRANTED, validFrom: '2025-04-01', validUntil: null };
  const denied = { outcome: DENIED, validFrom: null, validUntil: null };

  it.each([
    ['fixed, the day before', fixed, '2025-03-31', false],
    ['fixed, first day', fixed, '2025-04-01', true],
    ['fixed, in the middle', fixed, '2025-06-15', true],
    ['fixed, last day', fixed, '2025-09-30', true],
    ['fixed, the day after', fixed, '2025-10-01', false],
    ['open-ended, before', open, '2024-12-31', false],
    ['open-ended, years later', open, '2031-01-01', true],
    ['denied', denied, '2025-06-15', false],
  ])('%s', (_label, decision, date, active) => {
    expect(isDecisionActiveOn(decision, date)).toBe(active);
  });

  it('refuses a malformed date', () => {
    expectRefusal(() => isDecisionActiveOn(fixed, '15.6.2025'), 'BAD_USER_INPUT', 'date must be a date', { field: 'date' });
  });
});
