import { DomainError } from '@asw/platform';
import { LocalDate } from './local-date';
import { WorkingDayCalendar } from './working-days';

const monFri = new WorkingDayCalendar();
const withSaturdays = new WorkingDayCalendar({ countSaturdays: true });
const at = (value: string) => value as LocalDate;

describe('WorkingDayCalendar.isWorkingDay', () => {
  it.each([
    ['2026-03-02', 'Monday', true, true],
    ['2026-03-07', 'Saturday', false, true],
    ['2026-03-08', 'Sunday', false, false],
    ['2026-04-03', 'Good Friday', false, false],
    ['2026-04-06', 'Easter Monday', false, false],
    ['2026-05-01', 'May Day', false, false],
    ['2026-05-14', 'Ascension Day', false, false],
    ['2026-06-19', 'Midsummer Eve', false, false],
    ['2026-06-20', 'Midsummer Day (Saturday)', false, false],
    ['2026-10-31', "All Saints' Day (Saturday)", false, false],
    ['2026-12-24', 'Christmas Eve', false, false],
    ['2026-12-26', 'Boxing Day (Saturday)', false, false],
    ['2026-12-31', "New Year's Eve (not a holiday)", true, true],
    ['2027-01-06', 'Epiphany', false, false],
    ['2027-12-06', 'Independence Day', false, false],
  ])('%s (%s): Mon–Fri %p, with Saturdays %p', (date, _name, mondayToFriday, saturdays) => {
    expect(monFri.isWorkingDay(at(date))).toBe(mondayToFriday);
    expect(withSaturdays.isWorkingDay(at(date))).toBe(saturdays);
  });
});

describe('WorkingDayCalendar.addWorkingDays', () => {
  it.each([
    // date, n, Mon–Fri, with Saturdays
    ['2026-03-02', 0, '2026-03-02', '2026-03-02'], // n = 0 on a working day: the day itself
    ['2026-03-07', 0, '2026-03-09', '2026-03-07'], // n = 0 on Saturday
    ['2026-04-03', 0, '2026-04-07', '2026-04-04'], // n = 0 on Good Friday
    ['2026-03-02', 1, '2026-03-03', '2026-03-03'],
    ['2026-03-06', 1, '2026-03-09', '2026-03-07'], // Friday
    ['2026-03-07', 1, '2026-03-09', '2026-03-09'], // from a non-working day the first counted day is the next working day
    ['2026-03-08', 1, '2026-03-09', '2026-03-09'],
    ['2026-03-06', 7, '2026-03-17', '2026-03-14'],
    // Easter 2026: Thu 2.4. → Good Friday 3.4. and Easter Monday 6.4. skipped:
    // Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5), Tue 14 (6), Wed 15 (7).
    ['2026-04-02', 7, '2026-04-15', '2026-04-13'],
    // Christmas 2026: Tue 22.12. → Wed 23 (1), Mon 28 (2) ... Thu 31 (5), New Year Fri 1.1., Mon 4.1. (6), Tue 5.1. (7).
    ['2026-12-22', 7, '2027-01-05', '2027-01-04'],
    // Midsummer 2026: Wed 17.6. → Thu 18 (1), Eve 19 and Day 20 skipped, Mon 22 (2) ... Fri 26 (6), Mon 29 (7).
    ['2026-06-17', 7, '2026-06-29', '2026-06-27'],
  ])('addWorkingDays(%s, %i): Mon–Fri %s, with Saturdays %s', (date, n, mondayToFriday, saturdays) => {
    expect(monFri.addWorkingDays(at(date), n)).toBe(mondayToFriday);
    expect(withSaturdays.addWorkingDays(at(date), n)).toBe(saturdays);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p working days', (n) => {
    expect(() => monFri.addWorkingDays(at('2026-03-02'), n)).toThrow(DomainError);
  });
});

describe('WorkingDayCalendar.nextWorkingDayOnOrAfter / nextWorkingDayAfter', () => {
  it.each([
    ['2026-03-02', '2026-03-02', '2026-03-03'],
    ['2026-04-03', '2026-04-07', '2026-04-07'],
    ['2026-12-24', '2026-12-28', '2026-12-28'],
    ['2026-12-31', '2026-12-31', '2027-01-04'],
  ])('%s: on or after %s, after %s', (date, onOrAfter, after) => {
    expect(monFri.nextWorkingDayOnOrAfter(at(date))).toBe(onOrAfter);
    expect(monFri.nextWorkingDayAfter(at(date))).toBe(after);
  });
});

describe('WorkingDayCalendar.workingDaysBetween', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 0, 0],
    ['2026-03-02', '2026-03-03', 1, 1],
    ['2026-03-03', '2026-03-02', -1, -1],
    ['2026-03-06', '2026-03-09', 1, 2], // Fri → Mon
    ['2026-03-09', '2026-03-06', -1, -2],
    ['2026-03-07', '2026-03-08', 0, 0], // Sat → Sun
    ['2026-03-13', '2026-03-14', 0, 1], // due Friday, seen on Saturday
    ['2026-04-02', '2026-04-15', 7, 9],
    ['2026-12-22', '2027-01-05', 7, 8],
    ['2026-01-01', '2026-12-31', 252, 301], // 261 weekdays - 1.1. - 8 weekday holidays; + 52 Saturdays - 3 Saturday holidays
  ])('from %s to %s: Mon–Fri %i, with Saturdays %i', (from, to, mondayToFriday, saturdays) => {
    expect(monFri.workingDaysBetween(at(from), at(to))).toBe(mondayToFriday);
    expect(withSaturdays.workingDaysBetween(at(from), at(to))).toBe(saturdays);
  });

  it.each([1, 2, 7, 20, 60])('inverts addWorkingDays for n = %i', (n) => {
    for (const start of ['2026-04-02', '2026-12-19', '2026-06-18', '2026-03-07'].map(at)) {
      expect(monFri.workingDaysBetween(start, monFri.addWorkingDays(start, n))).toBe(n);
      expect(withSaturdays.workingDaysBetween(start, withSaturdays.addWorkingDays(start, n))).toBe(n);
    }
  });
});
