import { DomainError } from '@asw/platform';
import { assertEndsAfterStart, validateSubleaseTerms } from './housing-arrangement.rules';

describe('validateSubleaseTerms', () => {
  it('normalises the address', () => {
    expect(validateSubleaseTerms({ address: '  Kauppakatu  1 A 2 ', monthlyRentCents: 65_000 })).toEqual({ address: 'Kauppakatu 1 A 2', monthlyRentCents: 65_000 });
  });

  it.each([
    { address: ' ', monthlyRentCents: 65_000, field: 'address' },
    { address: 'x'.repeat(201), monthlyRentCents: 65_000, field: 'address' },
    { address: 'Kauppakatu 1', monthlyRentCents: 0, field: 'monthlyRentCents' },
    { address: 'Kauppakatu 1', monthlyRentCents: 650.5, field: 'monthlyRentCents' },
    { address: 'Kauppakatu 1', monthlyRentCents: 1_000_000, field: 'monthlyRentCents' },
  ])('refuses $field in %p', ({ address, monthlyRentCents, field }) => {
    expect(() => validateSubleaseTerms({ address, monthlyRentCents })).toThrow(DomainError);
    try {
      validateSubleaseTerms({ address, monthlyRentCents });
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    }
  });
});

describe('assertEndsAfterStart', () => {
  it.each([
    { start: '2026-11-01', end: '2026-11-01', ok: true },
    { start: '2026-11-01', end: '2026-12-01', ok: true },
    { start: '2026-11-01', end: '2026-10-31', ok: false },
  ])('$start → $end ok=$ok', ({ start, end, ok }) => {
    const run = () => assertEndsAfterStart(start, end, 'closedOn');
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(DomainError);
  });
});
