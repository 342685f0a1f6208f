import { badInput } from '@asw/platform';

export const MAX_ADDRESS_LENGTH = 200;
/** A monthly rent of €10,000 or more is a typing error. */
export const MAX_MONTHLY_RENT_CENTS = 1_000_000;

/** Välivuokrasuhde as the worker records it: the flat and its monthly rent in cents. */
export interface SubleaseTerms {
  address: string;
  monthlyRentCents: number;
}

export function validateSubleaseTerms(terms: SubleaseTerms): SubleaseTerms {
  const address = (terms.address ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (address.length === 0) throw badInput('address must not be empty', { field: 'address' });
  if (address.length > MAX_ADDRESS_LENGTH) throw badInput(`address must be at most ${MAX_ADDRESS_LENGTH} characters`, { field: 'address' });
  if (!Number.isSafeInteger(terms.monthlyRentCents) || terms.monthlyRentCents <= 0 || terms.monthlyRentCents >= MAX_MONTHLY_RENT_CENTS) {
    throw badInput(`monthlyRentCents must be a whole number of cents above 0 and below ${MAX_MONTHLY_RENT_CENTS}`, { field: 'monthlyRentCents' });
  }
  return { address, monthlyRentCents: terms.monthlyRentCents };
}

/** An account or a sublease ends on or after the day it began. */
export function assertEndsAfterStart(startedOn: string, endedOn: string, field: string): void {
  if (endedOn < startedOn) throw badInput(`${field} must not be before ${startedOn}`, { field });
}
