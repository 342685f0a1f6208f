import { expectRefusal } from './domain-error.testing';
import { assertIsoDate, isIsoDate, monthOf } from './iso-date.rules';

describe('isIsoDate', () => {
  it.each([
    ['2025-01-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-5', false],
    ['05.01.2025', false],
    ['2025-01-05T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

describe('assertIsoDate and monthOf', () => {
  it.each([['2016-06-01', '2016-06'], ['2025-12-31', '2025-12']])('%s is in %s', (date, month) => {
    expect(assertIsoDate('date', date)).toBe(date);
    expect(monthOf(date)).toBe(month);
  });

  it.each([['2025-02-30'], [undefined as unknown as string]])('refuses %s naming the field', (value) => {
    expectRefusal(() => assertIsoDate('validFrom', value), 'BAD_USER_INPUT', 'validFrom must be a date written YYYY-MM-DD', { field: 'validFrom' });
  });
});
