import { DomainError } from '@asw/platform';
import { EffectiveRate, RateName, rateOn, SEED_RATES, validateRates } from './rates.rules';

const BASIC = RateName.BASIC_AMOUNT_SINGLE_ADULT;

describe('rateOn with the seed perusosa', () => {
  it.each([
    ['2024-01-01', 58_771],
    ['2024-12-31', 58_771],
    ['2025-01-01', 59_632],
    ['2026-02-28', 59_632],
    ['2026-03-01', 57_843],
    ['2030-06-15', 57_843],
  ])('%s → %i cents', (date, cents) => {
    expect(rateOn(SEED_RATES, BASIC, date).cents).toBe(cents);
  });

  it('is NOT_FOUND before the first row', () => {
    expect(() => rateOn(SEED_RATES, BASIC, '2023-12-31')).toThrow(DomainError);
    try {
      rateOn(SEED_RATES, BASIC, '2023-12-31');
    } catch (e) {
      expect(e).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('does not depend on row order', () => {
    expect(rateOn([...SEED_RATES].reverse(), BASIC, '2025-06-01').cents).toBe(59_632);
  });

  it('seed rows are a valid table', () => {
    expect(validateRates(SEED_RATES)).toHaveLength(3);
  });
});

describe('validateRates', () => {
  it.each<[string, EffectiveRate[]]>([
    ['duplicate start', [SEED_RATES[0], { ...SEED_RATES[0], cents: 1 }]],
    ['bad date', [{ ...SEED_RATES[0], validFrom: '2024-13-01' }]],
    ['fractional cents', [{ ...SEED_RATES[0], cents: 587.71 }]],
    ['unknown name', [{ ...SEED_RATES[0], name: 'HOUSING' as RateName }]],
  ])('refuses %s', (_, rates) => {
    expect(() => validateRates(rates)).toThrow(DomainError);
  });

  it('rateOn refuses an ambiguous table', () => {
    expect(() => rateOn([SEED_RATES[0], { ...SEED_RATES[0], cents: 1 }], BASIC, '2024-05-01')).toThrow(DomainError);
  });
});
