import { badInput } from '@asw/platform';
import { addDays, assertIsoDate, daysInMonth, IsoDate, isoOf, IsoWeekday, isoWeekday, yearMonthDay } from './iso-date.util';

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

export const isoWeekdayOf = (weekday: Weekday): IsoWeekday => (WEEKDAYS.indexOf(weekday) + 1) as IsoWeekday;

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
function nthWeekdayOfMonth(year: number, month: number, weekday: IsoWeekday, n: number): IsoDate {
  if (n >= 5) {
    const last = daysInMonth(year, month);
    const lastWeekday = isoWeekday(isoOf(year, month, last));
    return isoOf(year, month, last - ((lastWeekday - weekday + 7) % 7));
  }
  const firstWeekday = isoWeekday(isoOf(year, month, 1));
  return isoOf(year, month, 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1));
}

/**
 * The planned visit dates between `startsOn` and `endsOn`, both inclusive. The first visit is the
 * first schedule weekday on or after `startsOn`. WEEKLY and BIWEEKLY then step 7 or 14 days. MONTHLY
 * repeats the first visit's position in its month (1st–4th such weekday; a 5th becomes "the last"),
 * so "the third Tuesday" stays the third Tuesday instead of drifting like a 4-week step would.
 */
export function plannedVisitDates(schedule: VisitSchedule, startsOn: IsoDate, endsOn: IsoDate): IsoDate[] {
  const { frequency, weekday } = validateVisitSchedule(schedule);
  assertIsoDate(startsOn, 'startsOn');
  assertIsoDate(endsOn, 'endsOn');
  if (endsOn < startsOn) throw badInput('endsOn must not be before startsOn', { field: 'endsOn' });

  const wd = isoWeekdayOf(weekday);
  const first = addDays(startsOn, (wd - isoWeekday(startsOn) + 7) % 7);
  const dates: IsoDate[] = [];
  if (frequency === VisitFrequency.MONTHLY) {
    const [y0, m0, d0] = yearMonthDay(first);
    const n = Math.ceil(d0 / 7);
    for (let index = y0 * 12 + m0 - 1; ; index++) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (isoOf(year, month, 1) > endsOn) break;
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
  planned: readonly IsoDate[],
  done: readonly IsoDate[],
  today: IsoDate,
  toleranceDays: number = DEFAULT_VISIT_TOLERANCE_DAYS,
): IsoDate[] {
  if (!Number.isInteger(toleranceDays) || toleranceDays < 0 || toleranceDays > 31) {
    throw badInput('toleranceDays must be a whole number of days between 0 and 31', { field: 'toleranceDays' });
  }
  assertIsoDate(today, 'today');
  planned.forEach((d) => assertIsoDate(d, 'planned'));
  done.forEach((d) => assertIsoDate(d, 'done'));

  const plannedSorted = [...new Set(planned)].sort();
  const doneSorted = [...done].sort();
  const used = new Array<boolean>(doneSorted.length).fill(false);
  const missed: IsoDate[] = [];
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
