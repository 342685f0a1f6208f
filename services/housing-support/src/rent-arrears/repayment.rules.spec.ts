import { DomainError } from '@asw/platform';
import { validateRepayment } from './repayment.rules';

const plan = {
  instalments: [
    { dueOn: '2026-12-31', amountCents: 50_000 },
    { dueOn: '2027-01-31', amountCents: 30_000 },
  ],
  payments: [{ paidOn: '2026-11-20', amountCents: 20_000 }],
};
const today = '2026-11-25';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('validateRepayment', () => {
  it('accepts a payment up to what remains', () => {
    expect(validateRepayment(plan, { paidOn: '2026-11-25', amountCents: 60_000 }, today)).toEqual({ paidOn: '2026-11-25', amountCents: 60_000 });
  });

  it.each([
    { name: 'no plan yet', plan: { instalments: [], payments: [] }, payment: { paidOn: today, amountCents: 100 }, code: 'CONFLICT' },
    { name: 'a future payment', plan, payment: { paidOn: '2026-11-26', amountCents: 100 }, code: 'BAD_USER_INPUT' },
    { name: 'zero cents', plan, payment: { paidOn: today, amountCents: 0 }, code: 'BAD_USER_INPUT' },
    { name: 'fractional cents', plan, payment: { paidOn: today, amountCents: 10.5 }, code: 'BAD_USER_INPUT' },
    { name: 'more than remains', plan, payment: { paidOn: today, amountCents: 60_001 }, code: 'BAD_USER_INPUT' },
  ])('refuses $name as $code', ({ plan, payment, code }) => {
    expect(codeOf(() => validateRepayment(plan, payment, today))).toBe(code);
  });
});
