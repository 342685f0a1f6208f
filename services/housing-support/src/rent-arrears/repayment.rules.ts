import { badInput, conflict } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';
import { Instalment, RepaymentPayment } from '../domain';

/**
 * A payment towards an agreed plan: a positive whole number of cents, dated no later than today, and
 * no more than is still unpaid (an overpayment is a typing error, or money to return, not a payment).
 */
export function validateRepayment(
  plan: { instalments: readonly Instalment[]; payments: readonly RepaymentPayment[] },
  payment: RepaymentPayment,
  today: string,
): RepaymentPayment {
  if (plan.instalments.length === 0) throw conflict('agree a repayment plan before recording payments', { reason: 'NO_REPAYMENT_PLAN' });
  parseLocalDate(payment.paidOn, 'paidOn');
  if (payment.paidOn > today) throw badInput('paidOn must not be in the future', { field: 'paidOn' });
  if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
    throw badInput('amountCents must be a positive whole number of cents', { field: 'amountCents' });
  }
  const planned = plan.instalments.reduce((sum, i) => sum + i.amountCents, 0);
  const paid = plan.payments.reduce((sum, p) => sum + p.amountCents, 0);
  if (paid + payment.amountCents > planned) {
    throw badInput('the payment is more than what remains of the arrears', { field: 'amountCents', remainingCents: planned - paid });
  }
  return { paidOn: payment.paidOn, amountCents: payment.amountCents };
}
