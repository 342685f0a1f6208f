import { DomainError } from '@asw/platform';
import { DecisionLine, DecisionOutcome, decisionOutcome, decisionTotals, ExpenseType, LegalBasis, Payee, summariseDecision, validateDecisionLines } from './decision.rules';

const line = (over: Partial<DecisionLine>): DecisionLine => ({
  expenseType: ExpenseType.MEDICINE,
  claimedCents: 10_000,
  grantedCents: 10_000,
  reason: null,
  legalBasis: LegalBasis.SUPPLEMENTARY_7C,
  payee: Payee.CLIENT,
  ...over,
});

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('decisionOutcome', () => {
  it.each([
    { name: 'one line in full', grants: [[100, 100]], outcome: DecisionOutcome.GRANTED },
    { name: 'all lines in full', grants: [[100, 100], [50, 50]], outcome: DecisionOutcome.GRANTED },
    { name: 'one line zero', grants: [[100, 0]], outcome: DecisionOutcome.DENIED },
    { name: 'all zero', grants: [[100, 0], [50, 0]], outcome: DecisionOutcome.DENIED },
    { name: 'one cent short', grants: [[100, 99]], outcome: DecisionOutcome.PARTIALLY_GRANTED },
    { name: 'one full, one zero', grants: [[100, 100], [50, 0]], outcome: DecisionOutcome.PARTIALLY_GRANTED },
  ])('$name → $outcome', ({ grants, outcome }) => {
    expect(decisionOutcome(grants.map(([claimedCents, grantedCents]) => line({ claimedCents, grantedCents, reason: 'x' })))).toBe(outcome);
  });
});

describe('validateDecisionLines', () => {
  it('trims the reason and drops an empty one', () => {
    expect(validateDecisionLines([line({ reason: '   ' }), line({ grantedCents: 5_000, reason: ' Kohtuullinen osuus ' })]).map((l) => l.reason)).toEqual([
      null,
      'Kohtuullinen osuus',
    ]);
  });

  it.each([
    { name: 'no lines', lines: [], field: 'input.lines', reason: 'NO_LINES' },
    { name: 'granted over claimed', lines: [line({ grantedCents: 10_001 })], field: 'input.lines[0].grantedCents', reason: 'GRANTED_OVER_CLAIMED' },
    { name: 'negative granted', lines: [line({ grantedCents: -1 })], field: 'input.lines[0].grantedCents', reason: 'INVALID_CENTS' },
    { name: 'fractional cents', lines: [line({ claimedCents: 100.5, grantedCents: 0, reason: 'x' })], field: 'input.lines[0].claimedCents', reason: 'INVALID_CENTS' },
    { name: 'claimed over the cap', lines: [line({ claimedCents: 10_000_001, grantedCents: 0, reason: 'x' })], field: 'input.lines[0].claimedCents', reason: 'INVALID_CENTS' },
    { name: 'nothing claimed', lines: [line({ claimedCents: 0, grantedCents: 0 })], field: 'input.lines[0].claimedCents', reason: 'NOTHING_CLAIMED' },
    { name: 'partly granted without reason', lines: [line({ grantedCents: 5_000 })], field: 'input.lines[0].reason', reason: 'REASON_REQUIRED' },
    { name: 'denied with blank reason', lines: [line({ grantedCents: 0, reason: '  ' })], field: 'input.lines[0].reason', reason: 'REASON_REQUIRED' },
    { name: 'overlong reason', lines: [line({ grantedCents: 0, reason: 'x'.repeat(2001) })], field: 'input.lines[0].reason', reason: 'REASON_TOO_LONG' },
    { name: 'unknown expense', lines: [line({ expenseType: 'CAR' as ExpenseType })], field: 'input.lines[0].expenseType', reason: 'UNKNOWN_EXPENSE_TYPE' },
    { name: 'unknown basis', lines: [line({ legalBasis: 'BASIC_7A' as LegalBasis })], field: 'input.lines[0].legalBasis', reason: 'UNKNOWN_LEGAL_BASIS' },
    { name: 'unknown payee', lines: [line({ payee: 'BANK' as Payee })], field: 'input.lines[0].payee', reason: 'UNKNOWN_PAYEE' },
  ])('refuses: $name', ({ lines, field, reason }) => {
    expect(caught(() => validateDecisionLines(lines))).toMatchObject({ code: 'BAD_USER_INPUT', details: { field, reason } });
  });

  it('names every failing line at once, by field path', () => {
    const problems = caught(() => validateDecisionLines([line({}), line({ grantedCents: 1 }), line({ payee: 'BANK' as Payee, grantedCents: 10_001 })])).details?.problems;
    expect(problems).toEqual([
      { field: 'input.lines[1].reason', reason: 'REASON_REQUIRED', message: expect.any(String) },
      { field: 'input.lines[2].payee', reason: 'UNKNOWN_PAYEE', message: expect.any(String) },
      { field: 'input.lines[2].grantedCents', reason: 'GRANTED_OVER_CLAIMED', message: expect.any(String) },
    ]);
  });
});

describe('decisionTotals / summariseDecision', () => {
  it('sums in cents by payee and legal basis', () => {
    const lines = [
      line({ expenseType: ExpenseType.RENT_ARREARS, claimedCents: 120_000, grantedCents: 120_000, legalBasis: LegalBasis.PREVENTIVE_13, payee: Payee.LANDLORD }),
      line({ expenseType: ExpenseType.MEDICINE, claimedCents: 3_333, grantedCents: 3_000, reason: 'Vain reseptilääkkeet' }),
      line({ expenseType: ExpenseType.CHILDREN_HOBBIES, claimedCents: 15_000, grantedCents: 0, reason: 'Ei perusteltu' }),
    ];
    expect(decisionTotals(lines)).toEqual({
      claimedCents: 138_333,
      grantedCents: 123_000,
      deniedCents: 15_333,
      grantedByPayee: { CLIENT: 3_000, LANDLORD: 120_000, PAYMENT_INTERMEDIARY_ACCOUNT: 0 },
      grantedByLegalBasis: { SUPPLEMENTARY_7C: 3_000, PREVENTIVE_13: 120_000 },
    });
    expect(summariseDecision(lines).outcome).toBe(DecisionOutcome.PARTIALLY_GRANTED);
  });
});
