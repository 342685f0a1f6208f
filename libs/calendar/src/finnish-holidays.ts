import { badInput } from '@asw/platform';
import { addDays, dayOfWeek, LocalDate, localDateFromParts } from './local-date';

/**
 * PUBLIC_HOLIDAY: a church holiday (pyhäpäivä) or a statutory holiday (May Day, Independence Day).
 * DE_FACTO_NON_WORKING_DAY: Midsummer Eve and Christmas Eve, which are not holidays but on which offices
 * are closed; Act 150/1930 5 § treats them like holidays when a time limit ends.
 */
export type FinnishHolidayKind = 'PUBLIC_HOLIDAY' | 'DE_FACTO_NON_WORKING_DAY';

export interface FinnishHoliday {
  date: LocalDate;
  nameFi: string;
  nameEn: string;
  kind: FinnishHolidayKind;
}

/** Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateFromParts({ year, month, day });
}

/** The first date on or after `from` falling on ISO weekday `weekday` (1 = Monday). */
function weekdayOnOrAfter(from: LocalDate, weekday: number): LocalDate {
  return addDays(from, (weekday - dayOfWeek(from) + 7) % 7);
}

const cache = new Map<number, readonly FinnishHoliday[]>();
const byDate = new Map<string, FinnishHoliday>();

/**
 * Every Finnish public holiday and de facto non-working day of `year`, in date order. The rules are those
 * in force since 1992 (Epiphany and Ascension Day back on their own dates); earlier years are not historical.
 */
export function finnishPublicHolidays(year: number): readonly FinnishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw badInput('year must be a whole number from 1 to 9999', { field: 'year' });
  const on = (month: number, day: number) => localDateFromParts({ year, month, day });
  const easter = easterSunday(year);
  const holiday = (date: LocalDate, nameFi: string, nameEn: string, kind: FinnishHolidayKind = 'PUBLIC_HOLIDAY'): FinnishHoliday =>
    Object.freeze({ date, nameFi, nameEn, kind });
  const holidays = [
    holiday(on(1, 1), 'Uudenvuodenpäivä', "New Year's Day"),
    holiday(on(1, 6), 'Loppiainen', 'Epiphany'),
    holiday(addDays(easter, -2), 'Pitkäperjantai', 'Good Friday'),
    holiday(easter, 'Pääsiäispäivä', 'Easter Sunday'),
    holiday(addDays(easter, 1), 'Toinen pääsiäispäivä', 'Easter Monday'),
    holiday(on(5, 1), 'Vapunpäivä', 'May Day'),
    holiday(addDays(easter, 39), 'Helatorstai', 'Ascension Day'),
    holiday(addDays(easter, 49), 'Helluntaipäivä', 'Whit Sunday'),
    holiday(weekdayOnOrAfter(on(6, 19), 5), 'Juhannusaatto', 'Midsummer Eve', 'DE_FACTO_NON_WORKING_DAY'),
    holiday(weekdayOnOrAfter(on(6, 20), 6), 'Juhannuspäivä', 'Midsummer Day'),
    holiday(weekdayOnOrAfter(on(10, 31), 6), 'Pyhäinpäivä', "All Saints' Day"),
    holiday(on(12, 6), 'Itsenäisyyspäivä', 'Independence Day'),
    holiday(on(12, 24), 'Jouluaatto', 'Christmas Eve', 'DE_FACTO_NON_WORKING_DAY'),
    holiday(on(12, 25), 'Joulupäivä', 'Christmas Day'),
    holiday(on(12, 26), 'Tapaninpäivä', 'Boxing Day'),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(holidays);
  cache.set(year, frozen);
  for (const h of frozen) byDate.set(h.date, h);
  return frozen;
}

/** The holiday or de facto non-working day on `date`, if any. */
export function finnishHolidayOn(date: LocalDate): FinnishHoliday | undefined {
  finnishPublicHolidays(Number(date.slice(0, 4)));
  return byDate.get(date);
}
