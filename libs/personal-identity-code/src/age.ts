import { LocalDate, toLocalDateParts } from '@asw/calendar';
import { badInput } from '@asw/platform';

/**
 * Age in whole years on `on`. A year is completed on the birthday; someone born on 29 February
 * completes it on 1 March in common years (the birthday has not come while 28 February lasts).
 */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  if (on < dateOfBirth) throw badInput('The date must not be before the date of birth', { field: 'on' });
  const birth = toLocalDateParts(dateOfBirth);
  const day = toLocalDateParts(on);
  const birthdayPassed = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (birthdayPassed ? 0 : 1);
}
