import { eligibilityOf, EligibilityReason } from './eligibility.rules';

describe('eligibilityOf', () => {
  const known = new Date('2026-01-05T10:00:00Z');
  it.each([
    { knownSince: null, eligible: false, reason: EligibilityReason.CLIENT_NOT_KNOWN, since: null },
    { knownSince: known, eligible: false, reason: EligibilityReason.NO_ACTIVE_DECISION, since: known },
  ])('client known since $knownSince → $reason', ({ knownSince, eligible, reason, since }) => {
    expect(eligibilityOf(knownSince)).toEqual({ eligible, reason, clientKnownSince: since });
  });
});
