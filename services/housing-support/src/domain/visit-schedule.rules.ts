import { badInput } from '@asw/platform';
import { addDays, dayOfWeek, daysInMonth, IsoDayOfWeek, LocalDate, localDateFromParts, parseLocalDate, toLocalDateParts } from '@asw/calendar';

/**
 * Tukikäyntien tiheys: how often support visits happen. The service is fixed-term "with regular
 * support visits agreed at the start" (DOMAIN.md, housing support), so the schedule is a small fixed
 * model rather than free-form.
 */
export enum VisitFrequency {
  /** Kerran viikossa. */
  WEEKLY = 'WEEKLY',
  /** Joka toinen viikko. */
  BIWEEKLY = 'BIWEEKLY',
  /** Kerran kuukaudessa: the same n:th weekday of every month (e.g. the 3rd Tuesday). */
  MONTHLY = 'MONTHLY',
}

/** Viikonpäivä. */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** Weekdays in ISO order (index + 1 = ISO weekday number). */
export const WEEKDAYS: readonly Weekday[] = [
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
  Weekday.SATURDAY,
  Weekday.SUNDAY,
];

export const isoWeekdayOf = (weekday: Weekday): IsoDayOfWeek => (WEEKDAYS.indexOf(weekday) + 1) as IsoDayOfWeek;

/** Käyntisuunnitelma: visit frequency and the weekday visits are made on. */
export interface VisitSchedule {
  frequency: VisitFrequency;
  weekday: Weekday;
}

/**
 * A done visit this many days before or after a planned date still counts as that visit: home visits
 * move for ordinary reasons, and a visit two days late is not a missed one.
 */
export const DEFAULT_VISIT_TOLERANCE_DAYS = 3;

export function validateVisitSchedule(schedule: VisitSchedule): VisitSchedule {
  if (!Object.values(VisitFrequency).includes(schedule.frequency)) {
    throw badInput('visit frequency must be WEEKLY, BIWEEKLY or MONTHLY', { field: 'frequency' });
  }
  if (!WEEKDAYS.includes(schedule.weekday)) throw badInput('visit weekday is not a weekday', { field: 'weekday' });
  return { frequency: schedule.frequency, weekday: schedule.weekday };
}

/** The `n`th (1–4) or last (`n` = 5) given weekday of a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: IsoDayOfWeek, n: number): LocalDate {
  if (n >= 5) {
    const last = daysInMonth(year, month);
    const lastWeekday = dayOfWeek(localDateFromParts({ year, month, day: last }));
    return localDateFromParts({ year, month, day: last - ((lastWeekday - weekday + 7) % 7) });
  }
  const firstWeekday = dayOfWeek(localDateFromParts({ year, month, day: 1 }));
  return localDateFromParts({ year, month, day: 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1) });
}

/**
 * The planned visit dates between `startsOn` and `endsOn`, both inclusive. The first visit is the
 * first schedule weekday on or after `startsOn`. WEEKLY and BIWEEKLY then step 7 or 14 days. MONTHLY
 * repeats the first visit's position in its month (1st–4th such weekday; a 5th becomes "the last"),
 * so "the third Tuesday" stays the third Tuesday instead of drifting like a 4-week step would.
 */
export function plannedVisitDates(schedule: VisitSchedule, startsOn: string, endsOn: string): string[] {
  const { frequency, weekday } = validateVisitSchedule(schedule);
  const start = parseLocalDate(startsOn, 'startsOn');
  parseLocalDate(endsOn, 'endsOn');
  if (endsOn < startsOn) throw badInput('endsOn must not be before startsOn', { field: 'endsOn' });

  const wd = isoWeekdayOf(weekday);
  const first = addDays(start, (wd - dayOfWeek(start) + 7) % 7);
  const dates: string[] = [];
  if (frequency === VisitFrequency.MONTHLY) {
    const { year: y0, month: m0, day: d0 } = toLocalDateParts(first);
    const n = Math.ceil(d0 / 7);
    for (let index = y0 * 12 + m0 - 1; ; index++) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (localDateFromParts({ year, month, day: 1 }) > endsOn) break;
      const date = nthWeekdayOfMonth(year, month, wd, n);
      if (date >= startsOn && date <= endsOn) dates.push(date);
    }
    return dates;
  }
  const step = frequency === VisitFrequency.WEEKLY ? 7 : 14;
  for (let date = first; date <= endsOn; date = addDays(date, step)) dates.push(date);
  return dates;
}

/**
 * Planned visits that were missed as of `today`. A planned date is matched by a done visit within
 * ±`toleranceDays`; each done visit covers one planned date at most (earliest first). A planned date
 * counts as missed only once its whole tolerance window is over (planned + tolerance < today), so a
 * visit still allowed to happen late is not yet reported; with tolerance 0 this is simply "a planned
 * date before today with no visit on that day".
 */
export function missedVisits(
  planned: readonly string[],
  done: readonly string[],
  today: string,
  toleranceDays: number = DEFAULT_VISIT_TOLERANCE_DAYS,
): string[] {
  if (!Number.isInteger(toleranceDays) || toleranceDays < 0 || toleranceDays > 31) {
    throw badInput('toleranceDays must be a whole number of days between 0 and 31', { field: 'toleranceDays' });
  }
  parseLocalDate(today, 'today');
  const plannedDates = planned.map((d) => parseLocalDate(d, 'planned'));
  const doneDates = done.map((d) => parseLocalDate(d, 'done'));

  const plannedSorted = [...new Set(plannedDates)].sort();
  const doneSorted = [...doneDates].sort();
  const used = new Array<boolean>(doneSorted.length).fill(false);
  const missed: string[] = [];
  for (const date of plannedSorted) {
    const from = addDays(date, -toleranceDays);
    const until = addDays(date, toleranceDays);
    // Earliest unused visit inside the window: optimal for equal-width windows taken in date order.
    const match = doneSorted.findIndex((visit, i) => !used[i] && visit >= from && visit <= until);
    if (match >= 0) used[match] = true;
    else if (until < today) missed.push(date);
  }
  return missed;
}
