import { badInput } from '@asw/platform';
import { finnishHolidayOn } from './finnish-holidays';
import { addDays, compareLocalDates, dayOfWeek, LocalDate } from './local-date';

export interface WorkingDayCalendarOptions {
  /**
   * Count Saturdays that are not holidays as working days. "Arkipäivä" in Finnish law can include
   * Saturdays, but practice for the income-support deadlines (toimeentulotukilaki 14 a §) counts
   * Monday–Friday, so this is off by default and left to the county (DOMAIN.md).
   */
  countSaturdays?: boolean;
}

function requireWholeNonNegative(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) throw badInput(`${field} must be a whole number of at least 0`, { field });
}

/**
 * Finnish working days: never a Sunday, a public holiday, Midsummer Eve or Christmas Eve; Saturday
 * only with `countSaturdays`.
 */
export class WorkingDayCalendar {
  readonly countSaturdays: boolean;

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.countSaturdays = options.countSaturdays ?? false;
  }

  isWorkingDay(date: LocalDate): boolean {
    const weekday = dayOfWeek(date);
    if (weekday === 7 || (weekday === 6 && !this.countSaturdays)) return false;
    return finnishHolidayOn(date) === undefined;
  }

  /** `date` itself if it is a working day, otherwise the next one. */
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDayAfter(date: LocalDate): LocalDate {
    return this.nextWorkingDayOnOrAfter(addDays(date, 1));
  }

  /**
   * The n-th working day after `date`; the start day is not counted, as statutory time limits never
   * count the day of the event (Act 150/1930 2 §), whether or not it is itself a working day. So the
   * "7th working day after arrival" is `addWorkingDays(arrivedOn, 7)`.
   * n = 0 returns `date` if it is a working day, else the next working day (`nextWorkingDayOnOrAfter`).
   */
  addWorkingDays(date: LocalDate, workingDays: number): LocalDate {
    requireWholeNonNegative(workingDays, 'workingDays');
    let day = this.nextWorkingDayOnOrAfter(date);
    if (workingDays === 0) return day;
    if (day === date) day = this.nextWorkingDayAfter(day);
    for (let counted = 1; counted < workingDays; counted++) day = this.nextWorkingDayAfter(day);
    return day;
  }

  /**
   * Signed count of working days after `from` up to and including `to`; when `to` is earlier, minus the
   * working days after `to` up to and including `from`. So `workingDaysBetween(today, dueOn)` is the
   * working days left (0 on the due day, negative once overdue) and inverts `addWorkingDays` for n ≥ 1.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const order = compareLocalDates(from, to);
    if (order === 0) return 0;
    const [start, end] = order < 0 ? [from, to] : [to, from];
    let count = 0;
    for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    if (count === 0) return 0; // never -0
    return order < 0 ? count : -count;
  }
}

/** Monday–Friday, the default for statutory deadlines. */
export const mondayToFridayCalendar = new WorkingDayCalendar();
