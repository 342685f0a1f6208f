import { DomainError } from '@asw/platform';
import { addDays, addMonths, assertIsoDate, daysBetween, isIsoDate, isoWeekday } from './iso-date.util';

describe('iso dates', () => {
  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    ['0099-01-01', false],
    ['', false],
  ])('isIsoDate(%s) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('assertIsoDate refuses with the field name', () => {
    expect(() => assertIsoDate('31.1.2026', 'startsOn')).toThrow(DomainError);
    expect(() => assertIsoDate('31.1.2026', 'startsOn')).toThrow(/startsOn/);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-12-31', 366, '2026-01-01'],
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-01', 36, '2029-01-01'],
  ])('addMonths(%s, %i) → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-01-05', 1],
    ['2026-01-11', 7],
    ['2026-03-28', 6],
  ])('isoWeekday(%s) → %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });

  it('daysBetween crosses DST and years', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  });
});
