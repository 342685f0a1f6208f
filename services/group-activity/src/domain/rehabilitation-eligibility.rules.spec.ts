import { DomainError } from '@asw/platform';
import { assertEligible, EligibilityFacts, EligibilityReason, eligibilityOn, ServiceDecisionFact } from './rehabilitation-eligibility.rules';

const decision = (over: Partial<ServiceDecisionFact>): ServiceDecisionFact => ({
  id: 'd-1',
  service: 'SOCIAL_REHABILITATION',
  outcome: 'GRANTED',
  validFrom: '2026-01-01',
  validUntil: '2026-06-30',
  revokedOn: null,
  ...over,
});
const open = { caseOpen: true };
const R = EligibilityReason;

describe('eligibilityOn', () => {
  it.each<{ name: string; facts: EligibilityFacts; date: string; reason: EligibilityReason; decisionId: string | null }>([
    { name: 'unknown client', facts: { client: null, decisions: [decision({})] }, date: '2026-02-01', reason: R.CLIENT_NOT_KNOWN, decisionId: null },
    { name: 'case closed wins over a valid decision', facts: { client: { caseOpen: false }, decisions: [decision({})] }, date: '2026-02-01', reason: R.CASE_CLOSED, decisionId: null },
    { name: 'no decisions', facts: { client: open, decisions: [] }, date: '2026-02-01', reason: R.NO_ACTIVE_DECISION, decisionId: null },
    { name: 'valid mid-period', facts: { client: open, decisions: [decision({})] }, date: '2026-02-01', reason: R.ELIGIBLE, decisionId: 'd-1' },
    { name: 'valid on first day', facts: { client: open, decisions: [decision({})] }, date: '2026-01-01', reason: R.ELIGIBLE, decisionId: 'd-1' },
    { name: 'valid on last day', facts: { client: open, decisions: [decision({})] }, date: '2026-06-30', reason: R.ELIGIBLE, decisionId: 'd-1' },
    { name: 'expired the day after', facts: { client: open, decisions: [decision({})] }, date: '2026-07-01', reason: R.DECISION_EXPIRED, decisionId: 'd-1' },
    { name: 'not yet valid', facts: { client: open, decisions: [decision({})] }, date: '2025-12-31', reason: R.DECISION_NOT_YET_VALID, decisionId: 'd-1' },
    { name: 'open-ended', facts: { client: open, decisions: [decision({ validUntil: null })] }, date: '2030-01-01', reason: R.ELIGIBLE, decisionId: 'd-1' },
    { name: 'denied', facts: { client: open, decisions: [decision({ outcome: 'DENIED' })] }, date: '2026-02-01', reason: R.NO_ACTIVE_DECISION, decisionId: null },
    { name: 'other service', facts: { client: open, decisions: [decision({ service: 'HOUSING_SUPPORT' })] }, date: '2026-02-01', reason: R.NO_ACTIVE_DECISION, decisionId: null },
    { name: 'revoked before the date', facts: { client: open, decisions: [decision({ revokedOn: '2026-02-01' })] }, date: '2026-02-01', reason: R.NO_ACTIVE_DECISION, decisionId: null },
    { name: 'revoked later: still valid before', facts: { client: open, decisions: [decision({ revokedOn: '2026-03-01' })] }, date: '2026-02-28', reason: R.ELIGIBLE, decisionId: 'd-1' },
    {
      name: 'upcoming preferred over expired',
      facts: { client: open, decisions: [decision({ id: 'old', validUntil: '2025-12-31', validFrom: '2025-01-01' }), decision({ id: 'new', validFrom: '2026-03-01' })] },
      date: '2026-02-01',
      reason: R.DECISION_NOT_YET_VALID,
      decisionId: 'new',
    },
    {
      name: 'most recently expired named',
      facts: { client: open, decisions: [decision({ id: 'a', validUntil: '2025-06-30' }), decision({ id: 'b', validUntil: '2025-12-31' })] },
      date: '2026-02-01',
      reason: R.DECISION_EXPIRED,
      decisionId: 'b',
    },
    {
      name: 'longest-lasting valid one named',
      facts: { client: open, decisions: [decision({ id: 'short' }), decision({ id: 'open', validUntil: null })] },
      date: '2026-02-01',
      reason: R.ELIGIBLE,
      decisionId: 'open',
    },
  ])('$name → $reason', ({ facts, date, reason, decisionId }) => {
    expect(eligibilityOn(facts, date)).toEqual({ eligible: reason === R.ELIGIBLE, reason, decisionId });
  });
});

describe('assertEligible', () => {
  it('returns the eligibility when eligible', () => {
    expect(assertEligible({ client: open, decisions: [decision({})] }, '2026-02-01').eligible).toBe(true);
  });

  it.each([
    [{ client: null, decisions: [] }, R.CLIENT_NOT_KNOWN],
    [{ client: open, decisions: [decision({})] }, R.DECISION_EXPIRED],
    [{ client: { caseOpen: false }, decisions: [] }, R.CASE_CLOSED],
  ])('refuses %j as CONFLICT with reason %s', (facts, reason) => {
    let error: unknown;
    try {
      assertEligible(facts, '2026-08-01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'client has no active social rehabilitation decision', details: { reason } });
  });
});
