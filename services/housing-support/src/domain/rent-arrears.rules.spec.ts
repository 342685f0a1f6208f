import { DomainError } from '@asw/platform';
import {
  Instalment,
  repaymentPlanStatus,
  repaymentProgress,
  RepaymentPlanStatus,
  validateArrearsReport,
  validateRepaymentPlan,
} from './rent-arrears.rules';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('validateArrearsReport', () => {
  it('accepts and trims', () => {
    expect(validateArrearsReport({ amountCents: 125_000, landlord: '  Jyväskylän Vuokra-asunnot Oy ', months: 2 })).toEqual({
      amountCents: 125_000,
      landlord: 'Jyväskylän Vuokra-asunnot Oy',
      months: 2,
    });
  });

  it.each([
    [{ amountCents: 0, landlord: 'L', months: 1 }, 'amountCents', 'more than zero'],
    [{ amountCents: -5, landlord: 'L', months: 1 }, 'amountCents', 'more than zero'],
    [{ amountCents: 100.5, landlord: 'L', months: 1 }, 'amountCents', 'whole number'],
    [{ amountCents: 10_000_000, landlord: 'L', months: 1 }, 'amountCents', 'less than'],
    [{ amountCents: 9_999_999, landlord: '   ', months: 1 }, 'landlord', 'must not be empty'],
    [{ amountCents: 100, landlord: 'L', months: 0 }, 'months', 'from 1'],
    [{ amountCents: 100, landlord: 'L', months: 1.5 }, 'months', 'from 1'],
    [{ amountCents: 100, landlord: 'L', months: 121 }, 'months', 'from 1'],
  ])('refuses %j on %s', (input, field, message) => {
    const error = caught(() => validateArrearsReport(input));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(error.message).toContain(message);
  });
});

describe('validateRepaymentPlan', () => {
  const plan: Instalment[] = [
    { dueOn: '2026-02-15', amountCents: 40_000 },
    { dueOn: '2026-03-15', amountCents: 40_000 },
    { dueOn: '2026-04-15', amountCents: 20_001 },
  ];

  it('accepts instalments adding up exactly', () => {
    expect(validateRepaymentPlan(100_001, plan)).toEqual(plan);
  });

  it.each([
    { name: 'sum short by a cent', arrears: 100_002, instalments: plan, field: 'instalments', message: 'add up' },
    { name: 'sum over', arrears: 100_000, instalments: plan, field: 'instalments', message: 'add up' },
    { name: 'empty', arrears: 100, instalments: [], field: 'instalments', message: 'at least one' },
    { name: 'zero instalment', arrears: 100, instalments: [{ dueOn: '2026-02-01', amountCents: 0 }], field: 'amountCents', message: 'more than zero' },
    {
      name: 'dates out of order',
      arrears: 200,
      instalments: [
        { dueOn: '2026-03-01', amountCents: 100 },
        { dueOn: '2026-02-01', amountCents: 100 },
      ],
      field: 'dueOn',
      message: 'ascending',
    },
    {
      name: 'same date twice',
      arrears: 200,
      instalments: [
        { dueOn: '2026-02-01', amountCents: 100 },
        { dueOn: '2026-02-01', amountCents: 100 },
      ],
      field: 'dueOn',
      message: 'ascending',
    },
    { name: 'bad date', arrears: 100, instalments: [{ dueOn: '2026-02-30', amountCents: 100 }], field: 'dueOn', message: 'not a real calendar date' },
  ])('refuses: $name', ({ arrears, instalments, field, message }) => {
    const error = caught(() => validateRepaymentPlan(arrears, instalments));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(error.message).toContain(message);
  });
});

describe('repaymentPlanStatus', () => {
  const plan: Instalment[] = [
    { dueOn: '2026-02-15', amountCents: 30_000 },
    { dueOn: '2026-03-15', amountCents: 30_000 },
    { dueOn: '2026-04-15', amountCents: 30_000 },
  ];
  const S = RepaymentPlanStatus;
  it.each([
    { name: 'nothing due yet', payments: [], today: '2026-02-01', status: S.ON_TRACK },
    { name: 'due date itself is not late', payments: [], today: '2026-02-15', status: S.ON_TRACK },
    { name: 'unpaid the day after the due date', payments: [], today: '2026-02-16', status: S.LATE },
    { name: 'first paid on time', payments: [{ paidOn: '2026-02-14', amountCents: 30_000 }], today: '2026-03-01', status: S.ON_TRACK },
    { name: 'short by a cent', payments: [{ paidOn: '2026-02-14', amountCents: 29_999 }], today: '2026-03-01', status: S.LATE },
    { name: 'paying ahead covers later instalments', payments: [{ paidOn: '2026-02-01', amountCents: 60_000 }], today: '2026-03-20', status: S.ON_TRACK },
    { name: 'late payment catches up', payments: [{ paidOn: '2026-02-20', amountCents: 30_000 }], today: '2026-02-21', status: S.ON_TRACK },
    { name: 'a future-dated payment does not count', payments: [{ paidOn: '2026-03-01', amountCents: 30_000 }], today: '2026-02-20', status: S.LATE },
    {
      name: 'all paid',
      payments: [
        { paidOn: '2026-02-15', amountCents: 30_000 },
        { paidOn: '2026-03-10', amountCents: 60_000 },
      ],
      today: '2026-03-10',
      status: S.COMPLETED,
    },
    { name: 'overpaid is completed', payments: [{ paidOn: '2026-02-01', amountCents: 95_000 }], today: '2026-02-02', status: S.COMPLETED },
  ])('$name → $status', ({ payments, today, status }) => {
    expect(repaymentPlanStatus(plan, payments, today)).toBe(status);
  });

  it('reports the figures', () => {
    expect(repaymentProgress(plan, [{ paidOn: '2026-02-10', amountCents: 25_000 }], '2026-03-16')).toEqual({
      status: S.LATE,
      plannedCents: 90_000,
      paidCents: 25_000,
      dueCents: 60_000,
      overdueCents: 35_000,
      remainingCents: 65_000,
    });
  });

  it.each([[0], [-1], [1.5]])('refuses a payment of %p cents', (amountCents) => {
    expect(caught(() => repaymentPlanStatus(plan, [{ paidOn: '2026-02-10', amountCents }], '2026-03-01')).code).toBe('BAD_USER_INPUT');
  });
});
