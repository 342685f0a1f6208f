import { badInput, notFound } from '@asw/platform';
import { assertCents, Cents } from './cents.util';
import { parseLocalDate } from '@asw/calendar';

/**
 * Effective-dated amounts (voimassaolevat määrät). DOMAIN.md: amounts are data, never constants in
 * code; rules look them up by name and date.
 */
export enum RateName {
  /** Perusosa, yksin asuva aikuinen (per month). */
  BASIC_AMOUNT_SINGLE_ADULT = 'BASIC_AMOUNT_SINGLE_ADULT',
}

export interface EffectiveRate {
  name: RateName;
  /** In force from this day until the day before the next validFrom of the same name. */
  validFrom: string;
  cents: Cents;
}

/**
 * Seed rows for the rates table (a migration inserts them; code reads the table, not this list).
 * 587.71 from 1.1.2024 and 578.43 from 1.3.2026 are as DOMAIN.md states. DOMAIN.md gives 596.32 only
 * as valid "until 28.2.2026"; its start is ASSUMED to be 1.1.2025, the yearly index adjustment.
 */
export const SEED_RATES: readonly EffectiveRate[] = [
  { name: RateName.BASIC_AMOUNT_SINGLE_ADULT, validFrom: '2024-01-01', cents: 58_771 },
  { name: RateName.BASIC_AMOUNT_SINGLE_ADULT, validFrom: '2025-01-01', cents: 59_632 },
  { name: RateName.BASIC_AMOUNT_SINGLE_ADULT, validFrom: '2026-03-01', cents: 57_843 },
];

/** Checks a rate table: valid rows, one row per name and start day (else the lookup is ambiguous). */
export function validateRates(rates: readonly EffectiveRate[]): EffectiveRate[] {
  const seen = new Set<string>();
  return rates.map((rate, index) => {
    if (!Object.values(RateName).includes(rate.name)) throw badInput('unknown rate name', { field: 'name', index });
    parseLocalDate(rate.validFrom, 'validFrom');
    assertCents(rate.cents, 'cents');
    const key = `${rate.name}@${rate.validFrom}`;
    if (seen.has(key)) throw badInput('two rates of the same name start on the same day', { field: 'validFrom', index, name: rate.name });
    seen.add(key);
    return { ...rate };
  });
}

/**
 * The rate of `name` in force on `date`: the row with the latest validFrom ≤ date (so it holds until
 * the next row's validFrom). NOT_FOUND when the table has no row for that date.
 */
export function rateOn(rates: readonly EffectiveRate[], name: RateName, date: string): EffectiveRate {
  parseLocalDate(date, 'date');
  let best: EffectiveRate | null = null;
  for (const rate of rates) {
    if (rate.name !== name || rate.validFrom > date) continue;
    if (best && rate.validFrom === best.validFrom) throw badInput('two rates of the same name start on the same day', { name, validFrom: rate.validFrom });
    if (!best || rate.validFrom > best.validFrom) best = rate;
  }
  if (!best) throw notFound(`no ${name} rate is in force on ${date}`, { name, date });
  return best;
}
