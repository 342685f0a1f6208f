import { badInput } from '@asw/platform';

/**
 * IBAN (ISO 13616): country code, two check digits, the national account number; valid when the
 * rearranged number (first four characters moved to the end, letters as 10–35) is 1 modulo 97.
 * Returns the IBAN in electronic form (no spaces, upper case).
 */
export function parseIban(value: string, field: string): string {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) throw badInput('Not an IBAN', { reason: 'IBAN_MALFORMED', field });
  // A Finnish IBAN is exactly 18 characters.
  if (iban.startsWith('FI') && iban.length !== 18) throw badInput('A Finnish IBAN has 18 characters', { reason: 'IBAN_MALFORMED', field });
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  if (remainder !== 1) throw badInput('The IBAN check digits do not match', { reason: 'IBAN_CHECKSUM', field });
  return iban;
}

export interface GrantedLine {
  position: number;
  grantedCents: number;
  payee: string;
}

export interface PayeeAccount {
  payee: string;
  iban: string;
  name: string;
}

export interface PlannedPayment {
  linePosition: number;
  payee: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
}

/**
 * One payment per granted line (toimeentulotukilaki 1412/1997 15 §: support is paid to the client, or
 * to the person the cost is owed to, e.g. the landlord; a rent paid through a payment-intermediary
 * account goes there). Lines granted nothing are not paid. Every payee of a paid line needs exactly one account.
 */
export function planPayments(lines: readonly GrantedLine[], accounts: readonly PayeeAccount[]): PlannedPayment[] {
  const byPayee = new Map<string, PayeeAccount>();
  accounts.forEach((account, index) => {
    if (byPayee.has(account.payee)) throw badInput(`Two accounts for payee ${account.payee}`, { reason: 'ACCOUNT_DUPLICATE', field: `input.accounts.${index}.payee` });
    const name = account.name.trim();
    if (name.length === 0 || name.length > 70) throw badInput('The payee name must be 1–70 characters', { reason: 'PAYEE_NAME_LENGTH', field: `input.accounts.${index}.name` });
    byPayee.set(account.payee, { payee: account.payee, iban: parseIban(account.iban, `input.accounts.${index}.iban`), name });
  });
  const paid = lines.filter((line) => line.grantedCents > 0);
  if (paid.length === 0) throw badInput('Nothing was granted: there is nothing to pay', { reason: 'NOTHING_GRANTED', field: 'input.decisionId' });
  return paid.map((line) => {
    const account = byPayee.get(line.payee);
    if (!account) throw badInput(`No account given for payee ${line.payee}`, { reason: 'ACCOUNT_MISSING', field: 'input.accounts' });
    return { linePosition: line.position, payee: line.payee, amountCents: line.grantedCents, creditorName: account.name, creditorIban: account.iban };
  });
}

/** What a repeated scheduling request changes against the payments already made: `dueOn`, or `line <n>` (payee account or amount). */
export function paymentDifferences(
  existing: readonly { linePosition: number; amountCents: number; creditorName: string; creditorIban: string; dueOn: string }[],
  planned: readonly PlannedPayment[],
  dueOn: string,
): string[] {
  const differs: string[] = [];
  if (existing.some((payment) => payment.dueOn !== dueOn)) differs.push('dueOn');
  const byLine = new Map(existing.map((payment) => [payment.linePosition, payment]));
  for (const plan of planned) {
    const payment = byLine.get(plan.linePosition);
    if (!payment || payment.amountCents !== plan.amountCents || payment.creditorIban !== plan.creditorIban || payment.creditorName !== plan.creditorName) differs.push(`line ${plan.linePosition}`);
  }
  if (planned.length !== existing.length) differs.push('lines');
  return differs;
}
