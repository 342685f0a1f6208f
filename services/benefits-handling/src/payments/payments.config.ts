import { z } from 'zod';
import { loadConfig } from '@asw/platform';
import type { Pain001Debtor } from './pain001';
import { parseIban } from './payment.rules';

/** The county's paying account (maksajan tili) for pain.001 batches. Read once at startup. */
export const paymentsConfigSchema = z.object({
  PAYMENTS_DEBTOR_NAME: z.string().trim().min(1).max(140).default('Hyvinvointialue'),
  /** Default: the Finnish banks' published example IBAN, so a county that forgets to set it gets files no bank accepts. */
  PAYMENTS_DEBTOR_IBAN: z.string().trim().default('FI2112345600000785'),
  PAYMENTS_DEBTOR_BIC: z.string().trim().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a BIC').default('NDEAFIHH'),
});

export function loadPaymentDebtor(env: NodeJS.ProcessEnv = process.env): Pain001Debtor {
  const config = loadConfig(paymentsConfigSchema, env);
  return { name: config.PAYMENTS_DEBTOR_NAME, iban: parseIban(config.PAYMENTS_DEBTOR_IBAN, 'PAYMENTS_DEBTOR_IBAN'), bic: config.PAYMENTS_DEBTOR_BIC };
}

export const PAYMENT_DEBTOR = Symbol('PAYMENT_DEBTOR');
