import { grantAdmits, JUSTIFICATION_REASONS, justifiedBasis, MAX_JUSTIFIED_HOURS, validateJustification } from './justified-access.rules';

// Issue #13 item 1: access with justification, a reason from a fixed list plus free text, time-limited
// (Act 703/2023 §§ 5–6: data only as the task requires; the reason and text state the task for review).
describe('validateJustification', () => {
  const text = 'Client at the front desk asks about their housing support';
  it.each([
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: text }, { reason: 'URGENT_CLIENT_SAFETY', justification: text, hours: 24 }],
    [{ reason: 'CASE_TRANSFER', justification: `  ${text}  `, hours: 4 }, { reason: 'CASE_TRANSFER', justification: text, hours: 4 }],
    [{ reason: 'STATUTORY_REQUEST', justification: text, hours: null }, { reason: 'STATUTORY_REQUEST', justification: text, hours: MAX_JUSTIFIED_HOURS }],
  ])('accepts %j', (input, expected) => {
    expect(validateJustification(input)).toEqual(expected);
  });

  it.each([
    [{ reason: 'CURIOSITY', justification: text }, 'UNKNOWN_JUSTIFICATION_REASON', 'input.reason'],
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: 'because' }, 'JUSTIFICATION_TEXT_LENGTH', 'input.justification'],
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: 'x'.repeat(1001) }, 'JUSTIFICATION_TEXT_LENGTH', 'input.justification'],
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: text, hours: 25 }, 'JUSTIFIED_ACCESS_TOO_LONG', 'input.hours'],
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: text, hours: 0 }, 'JUSTIFIED_ACCESS_TOO_LONG', 'input.hours'],
    [{ reason: 'URGENT_CLIENT_SAFETY', justification: text, hours: 1.5 }, 'JUSTIFIED_ACCESS_TOO_LONG', 'input.hours'],
  ])('refuses %j with %s on %s', (input, reason, field) => {
    expect(() => validateJustification(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { reason, field } }));
  });

  it('names every problem at once in the message', () => {
    expect(() => validateJustification({ reason: 'X', justification: '', hours: 99 })).toThrow(/reason must be one of.*justification must be.*hours must be/);
  });
});

describe('grantAdmits and the basis', () => {
  const grant = { grantedAt: new Date('2026-12-03T10:00:00Z'), expiresAt: new Date('2026-12-04T10:00:00Z') };
  it.each([
    ['2026-12-03T09:59:59Z', false],
    ['2026-12-03T10:00:00Z', true],
    ['2026-12-04T09:59:59Z', true],
    ['2026-12-04T10:00:00Z', false],
  ])('at %s: %s', (at, expected) => {
    expect(grantAdmits(grant, new Date(at))).toBe(expected);
  });

  it('records each reason as its own basis', () => {
    expect(JUSTIFICATION_REASONS.map(justifiedBasis)).toEqual(JUSTIFICATION_REASONS.map((reason) => `justified:${reason}`));
  });
});
