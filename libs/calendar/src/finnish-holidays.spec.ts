import { DomainError } from '@asw/platform';
import { easterSunday, finnishHolidayOn, finnishPublicHolidays } from './finnish-holidays';
import { dayOfWeek, LocalDate } from './local-date';

const holidayDate = (year: number, nameEn: string) => finnishPublicHolidays(year).find((h) => h.nameEn === nameEn)?.date;

describe('Easter and the holidays that follow it', () => {
  // Known Easter Sundays; Good Friday = -2, Easter Monday = +1, Ascension = +39, Whit Sunday = +49.
  it.each([
    [2024, '2024-03-31', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-19'],
    [2025, '2025-04-20', '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08'],
    [2026, '2026-04-05', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-24'],
    [2027, '2027-03-28', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16'],
    [2028, '2028-04-16', '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-04'],
    [2030, '2030-04-21', '2030-04-19', '2030-04-22', '2030-05-30', '2030-06-09'],
    [2038, '2038-04-25', '2038-04-23', '2038-04-26', '2038-06-03', '2038-06-13'],
    [2008, '2008-03-23', '2008-03-21', '2008-03-24', '2008-05-01', '2008-05-11'], // Ascension on May Day
    [2285, '2285-03-22', '2285-03-20', '2285-03-23', '2285-04-30', '2285-05-10'], // earliest possible Easter
  ])('%i: Easter %s, Good Friday %s, Easter Monday %s, Ascension %s, Whit Sunday %s', (year, easter, goodFriday, easterMonday, ascension, whitSunday) => {
    expect(easterSunday(year)).toBe(easter);
    expect(holidayDate(year, 'Easter Sunday')).toBe(easter);
    expect(holidayDate(year, 'Good Friday')).toBe(goodFriday);
    expect(holidayDate(year, 'Easter Monday')).toBe(easterMonday);
    expect(holidayDate(year, 'Ascension Day')).toBe(ascension);
    expect(holidayDate(year, 'Whit Sunday')).toBe(whitSunday);
  });
});

describe('Midsummer and All Saints', () => {
  it.each([
    [2024, '2024-06-21', '2024-06-22', '2024-11-02'],
    [2025, '2025-06-20', '2025-06-21', '2025-11-01'],
    [2026, '2026-06-19', '2026-06-20', '2026-10-31'],
    [2027, '2027-06-25', '2027-06-26', '2027-11-06'],
    [2028, '2028-06-23', '2028-06-24', '2028-11-04'],
    [2030, '2030-06-21', '2030-06-22', '2030-11-02'],
  ])('%i: Midsummer Eve %s, Midsummer Day %s, All Saints %s', (year, eve, day, allSaints) => {
    expect(holidayDate(year, 'Midsummer Eve')).toBe(eve);
    expect(holidayDate(year, 'Midsummer Day')).toBe(day);
    expect(holidayDate(year, "All Saints' Day")).toBe(allSaints);
    expect(dayOfWeek(eve as LocalDate)).toBe(5);
    expect(dayOfWeek(day as LocalDate)).toBe(6);
    expect(dayOfWeek(allSaints as LocalDate)).toBe(6);
  });
});

describe('finnishPublicHolidays', () => {
  it('lists the whole year 2026 in date order with Finnish and English names', () => {
    expect(finnishPublicHolidays(2026).map((h) => [h.date, h.nameFi, h.nameEn, h.kind])).toEqual([
      ['2026-01-01', 'Uudenvuodenpäivä', "New Year's Day", 'PUBLIC_HOLIDAY'],
      ['2026-01-06', 'Loppiainen', 'Epiphany', 'PUBLIC_HOLIDAY'],
      ['2026-04-03', 'Pitkäperjantai', 'Good Friday', 'PUBLIC_HOLIDAY'],
      ['2026-04-05', 'Pääsiäispäivä', 'Easter Sunday', 'PUBLIC_HOLIDAY'],
      ['2026-04-06', 'Toinen pääsiäispäivä', 'Easter Monday', 'PUBLIC_HOLIDAY'],
      ['2026-05-01', 'Vapunpäivä', 'May Day', 'PUBLIC_HOLIDAY'],
      ['2026-05-14', 'Helatorstai', 'Ascension Day', 'PUBLIC_HOLIDAY'],
      ['2026-05-24', 'Helluntaipäivä', 'Whit Sunday', 'PUBLIC_HOLIDAY'],
      ['2026-06-19', 'Juhannusaatto', 'Midsummer Eve', 'DE_FACTO_NON_WORKING_DAY'],
      ['2026-06-20', 'Juhannuspäivä', 'Midsummer Day', 'PUBLIC_HOLIDAY'],
      ['2026-10-31', 'Pyhäinpäivä', "All Saints' Day", 'PUBLIC_HOLIDAY'],
      ['2026-12-06', 'Itsenäisyyspäivä', 'Independence Day', 'PUBLIC_HOLIDAY'],
      ['2026-12-24', 'Jouluaatto', 'Christmas Eve', 'DE_FACTO_NON_WORKING_DAY'],
      ['2026-12-25', 'Joulupäivä', 'Christmas Day', 'PUBLIC_HOLIDAY'],
      ['2026-12-26', 'Tapaninpäivä', 'Boxing Day', 'PUBLIC_HOLIDAY'],
    ]);
  });

  it('caches per year and cannot be changed by a caller', () => {
    const first = finnishPublicHolidays(2031);
    expect(finnishPublicHolidays(2031)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it.each([
    ['2026-12-24', 'Jouluaatto'],
    ['2026-06-19', 'Juhannusaatto'],
    ['2027-01-06', 'Loppiainen'],
    ['2026-12-31', undefined],
    ['2026-04-02', undefined],
  ])('finnishHolidayOn(%s) is %s', (date, nameFi) => {
    expect(finnishHolidayOn(date as LocalDate)?.nameFi).toBe(nameFi);
  });

  it.each([0, 10000, 2026.5])('refuses year %p', (year) => {
    expect(() => finnishPublicHolidays(year)).toThrow(DomainError);
  });
});
