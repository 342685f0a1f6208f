import { DomainError } from '@asw/platform';
import {
  addDays, addMonths, compareLocalDates, dayOfWeek, daysBetween, isLocalDate, LocalDate, localDateFromParts, parseLocalDate, todayInFinland,
} from './local-date';

const d = (value: string) => parseLocalDate(value);

describe('parseLocalDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(parseLocalDate(value)).toBe(value);
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    ['2026-02-30', 'is not a real calendar date'],
    ['2026-02-29', 'is not a real calendar date'],
    ['1900-02-29', 'is not a real calendar date'],
    ['2026-04-31', 'is not a real calendar date'],
    ['2026-13-01', 'is not a real calendar date'],
    ['2026-00-10', 'is not a real calendar date'],
    ['0000-01-01', 'is not a real calendar date'],
    ['2026-2-3', 'must be a date in the form YYYY-MM-DD'],
    ['03.02.2026', 'must be a date in the form YYYY-MM-DD'],
    ['2026-02-03T00:00:00Z', 'must be a date in the form YYYY-MM-DD'],
    ['', 'must be a date in the form YYYY-MM-DD'],
    [20260203, 'must be a date in the form YYYY-MM-DD'],
    [undefined, 'must be a date in the form YYYY-MM-DD'],
  ])('refuses %p as bad input without echoing it', (value, message) => {
    const error = (() => { try { parseLocalDate(value, 'receivedOn'); } catch (e) { return e; } })() as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`receivedOn ${message}`);
    expect(error.details).toEqual({ field: 'receivedOn' });
    expect(isLocalDate(value)).toBe(false);
  });

  it('refuses impossible parts', () => {
    expect(() => localDateFromParts({ year: 2023, month: 2, day: 29 })).toThrow(DomainError);
    expect(localDateFromParts({ year: 5, month: 3, day: 9 })).toBe('0005-03-09');
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-02', 7, '2026-03-09'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('addDays(%s, %i) = %s', (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
    expect(daysBetween(d(from), d(expected))).toBe(days);
  });

  it.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 2, '2027-02-15'],
    ['2026-05-10', 12, '2027-05-10'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('addMonths(%s, %i) = %s (month-end clamped)', (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(expected);
  });

  it.each([
    ['2026-03-02', 1], // Monday
    ['2026-04-03', 5], // Good Friday
    ['2026-06-20', 6], // Midsummer Day, Saturday
    ['2026-04-05', 7], // Easter Sunday
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
  ])('dayOfWeek(%s) = %i', (date, expected) => {
    expect(dayOfWeek(d(date))).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ])('compareLocalDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareLocalDates(a as LocalDate, b as LocalDate)).toBe(expected);
  });

  it('refuses fractional day and month counts', () => {
    expect(() => addDays(d('2026-01-01'), 1.5)).toThrow(DomainError);
    expect(() => addMonths(d('2026-01-01'), 0.5)).toThrow(DomainError);
  });
});

describe('todayInFinland', () => {
  it.each([
    ['2026-03-01T21:59:59Z', '2026-03-01'], // winter: UTC+2
    ['2026-03-01T22:00:00Z', '2026-03-02'],
    ['2026-06-30T20:59:59Z', '2026-06-30'], // summer: UTC+3
    ['2026-06-30T21:00:00Z', '2026-07-01'],
    ['2026-12-31T22:30:00Z', '2027-01-01'],
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night summer time starts
  ])('%s is %s in Helsinki', (instant, expected) => {
    expect(todayInFinland(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    expect(isLocalDate(todayInFinland())).toBe(true);
  });
});
