import { LocalDate, parseLocalDate } from './local-date';
import { mondayToFridayCalendar } from './working-days';

/**
 * Act on calculating statutory time limits (laki säädettyjen määräaikain laskemisesta 150/1930) 5 §:
 * a time limit whose last day is a Saturday, Sunday, public holiday, May Day, Independence Day,
 * Midsummer Eve or Christmas Eve ends on the next working day. The Act names Saturday itself, so this
 * is Monday–Friday whatever a county's `countSaturdays` setting.
 */
export function deadlineOnWorkingDay(date: LocalDate): LocalDate {
  return mondayToFridayCalendar.nextWorkingDayOnOrAfter(parseLocalDate(date, 'deadline'));
}
