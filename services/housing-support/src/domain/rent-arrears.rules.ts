import { badInput } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';

/**
 * Vuokrarästit: rent arrears and the plan to clear them (DOMAIN.md: arrears clients "get a plan to
 * clear the arrears and prevent new ones"). Money is integer cents throughout: no floats, no rounding.
 */

/** Arrears must be below €100,000: anything larger is a typing error (cents entered as euros×100 twice). */
export const MAX_ARREARS_CENTS = 10_000_000;
/** Ten years of unpaid rent is the most a report can claim; more is a typing error. */
export const MAX_ARREARS_MONTHS = 120;
export const MAX_LANDLORD_LENGTH = 200;
/** Ten years of monthly instalments. */
export const MAX_INSTALMENTS = 120;

/** Vuokrarästi-ilmoitus: how much rent is unpaid, to whom, for how many months. */
export interface RentArrearsReport {
  amountCents: number;
  /** Vuokranantaja. */
  landlord: string;
  months: number;
}

/** Maksuerä: one instalment of a repayment plan. */
export interface Instalment {
  dueOn: string;
  amountCents: number;
}

/** A payment made towards the plan. */
export interface RepaymentPayment {
  paidOn: string;
  amountCents: number;
}

/** Maksusuunnitelman tila. */
export enum RepaymentPlanStatus {
  /** Aikataulussa: everything due so far is paid. */
  ON_TRACK = 'ON_TRACK',
  /** Myöhässä: an instalment whose due date has passed is not covered by payments. */
  LATE = 'LATE',
  /** Maksettu: the whole arrears is paid. */
  COMPLETED = 'COMPLETED',
}

export interface RepaymentProgress {
  status: RepaymentPlanStatus;
  plannedCents: number;
  paidCents: number;
  /** Sum of instalments whose due date is before today. */
  dueCents: number;
  /** Part of `dueCents` not covered by payments. */
  overdueCents: number;
  remainingCents: number;
}

function positiveCents(value: number, field: string, index?: number): number {
  const details: Record<string, string | number> = index === undefined ? { field } : { field, index };
  if (!Number.isSafeInteger(value)) throw badInput(`${field} must be a whole number of cents`, details);
  if (value <= 0) throw badInput(`${field} must be more than zero`, details);
  if (value >= MAX_ARREARS_CENTS) throw badInput(`${field} must be less than ${MAX_ARREARS_CENTS} cents (€100,000)`, details);
  return value;
}

export function validateArrearsReport(input: RentArrearsReport): RentArrearsReport {
  const amountCents = positiveCents(input.amountCents, 'amountCents');
  const landlord = (input.landlord ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (landlord.length === 0) throw badInput('landlord must not be empty', { field: 'landlord' });
  if (landlord.length > MAX_LANDLORD_LENGTH) throw badInput(`landlord must be at most ${MAX_LANDLORD_LENGTH} characters`, { field: 'landlord' });
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_ARREARS_MONTHS) {
    throw badInput(`months must be a whole number from 1 to ${MAX_ARREARS_MONTHS}`, { field: 'months' });
  }
  return { amountCents, landlord, months: input.months };
}

/**
 * A repayment plan: at least one instalment, each positive, due dates strictly ascending (one
 * instalment per date), and the instalments adding up to the arrears exactly, so the plan clears the
 * debt and nothing more.
 */
export function validateRepaymentPlan(arrearsCents: number, instalments: readonly Instalment[]): Instalment[] {
  positiveCents(arrearsCents, 'arrearsCents');
  if (instalments.length === 0) throw badInput('a repayment plan needs at least one instalment', { field: 'instalments' });
  if (instalments.length > MAX_INSTALMENTS) throw badInput(`at most ${MAX_INSTALMENTS} instalments`, { field: 'instalments' });
  let total = 0;
  instalments.forEach((instalment, index) => {
    parseLocalDate(instalment.dueOn, 'dueOn');
    positiveCents(instalment.amountCents, 'amountCents', index);
    if (index > 0 && instalment.dueOn <= instalments[index - 1].dueOn) {
      throw badInput('instalment due dates must be in ascending order, one instalment per date', { field: 'dueOn', index });
    }
    total += instalment.amountCents;
  });
  if (total !== arrearsCents) {
    throw badInput('the instalments must add up to the arrears exactly', { field: 'instalments', totalCents: total, arrearsCents });
  }
  return instalments.map(({ dueOn, amountCents }) => ({ dueOn, amountCents }));
}

/**
 * Where the plan stands on `today`. An instalment is due through its due date and late from the day
 * after. Payments are pooled (paying ahead covers later instalments); payments dated after today are
 * not counted. COMPLETED once payments cover the whole plan, LATE when paid < due, else ON_TRACK.
 */
export function repaymentProgress(
  instalments: readonly Instalment[],
  payments: readonly RepaymentPayment[],
  today: string,
): RepaymentProgress {
  parseLocalDate(today, 'today');
  payments.forEach((payment, index) => {
    parseLocalDate(payment.paidOn, 'paidOn');
    if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
      throw badInput('a payment must be a positive whole number of cents', { field: 'amountCents', index });
    }
  });
  const plannedCents = instalments.reduce((sum, i) => sum + i.amountCents, 0);
  const paidCents = payments.filter((p) => p.paidOn <= today).reduce((sum, p) => sum + p.amountCents, 0);
  const dueCents = instalments.filter((i) => i.dueOn < today).reduce((sum, i) => sum + i.amountCents, 0);
  const overdueCents = Math.max(0, dueCents - paidCents);
  const remainingCents = Math.max(0, plannedCents - paidCents);
  const status =
    remainingCents === 0 ? RepaymentPlanStatus.COMPLETED : overdueCents > 0 ? RepaymentPlanStatus.LATE : RepaymentPlanStatus.ON_TRACK;
  return { status, plannedCents, paidCents, dueCents, overdueCents, remainingCents };
}

/** Just the status of {@link repaymentProgress}. */
export function repaymentPlanStatus(
  instalments: readonly Instalment[],
  payments: readonly RepaymentPayment[],
  today: string,
): RepaymentPlanStatus {
  return repaymentProgress(instalments, payments, today).status;
}
