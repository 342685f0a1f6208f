import { badInput } from '@asw/platform';

/**
 * Money as integer euro cents (senttiä). Floats never hold money: 0.1 + 0.2 ≠ 0.3 is not a rounding
 * question a benefits decision may have.
 */
export type Cents = number;

/**
 * Largest amount on one line: €100,000. Income support lines are rent, medicine, arrears…; anything
 * larger is a typing error (euros entered as cents ×100).
 */
export const MAX_LINE_CENTS = 10_000_000;

/** No-break space: the thousands separator and the gap before € in Finnish display, never wrapped. */
export const NBSP = '\u00a0';

/** An integer number of cents from 0 to `max`, else BAD_USER_INPUT naming the field. */
export function assertCents(value: unknown, field: string, max: number = MAX_LINE_CENTS): Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badInput(`${field} must be a whole number of cents`, { field });
  if (value < 0) throw badInput(`${field} must not be negative`, { field });
  if (value > max) throw badInput(`${field} must be at most ${max} cents`, { field, max });
  return value;
}

/** Cents given as a number or as a string of digits ("12345"); anything else is refused. */
export function parseCents(input: string | number, field: string, max: number = MAX_LINE_CENTS): Cents {
  if (typeof input === 'string') {
    const trimmed = input.trim();
    if (!/^\d{1,15}$/.test(trimmed)) throw badInput(`${field} must be a whole number of cents`, { field });
    return assertCents(Number(trimmed), field, max);
  }
  return assertCents(input, field, max);
}

/**
 * Euros as typed in Finnish or international style ("1 234,56", "1234.5", "12") to cents, by string
 * arithmetic: no float ever holds the amount. At most two decimals; no sign.
 */
export function eurosToCents(input: string, field: string, max: number = MAX_LINE_CENTS): Cents {
  const compact = (input ?? '').trim().replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) throw badInput(`${field} must be an amount in euros such as 1234,56`, { field });
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return assertCents(cents, field, max);
}

/** Exact sum of integer cents; refuses non-integers rather than silently adding floats. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw badInput('amounts must be whole numbers of cents', { field: 'cents' });
    total += value;
  }
  if (!Number.isSafeInteger(total)) throw badInput('sum of amounts is too large', { field: 'cents' });
  return total;
}

/**
 * Display form "1 234,56 €" as Finnish writes it (same as Intl fi-FI): no-break spaces between
 * thousands groups and before €, comma decimals, a minus sign (−) for negative amounts.
 */
export function formatEuros(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw badInput('amount must be a whole number of cents', { field: 'cents' });
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const sign = cents < 0 ? '\u2212' : '';
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}${NBSP}€`;
}
