import { LocalDate } from '@asw/calendar';
import { DomainError } from '@asw/platform';
import { ageOn } from './age';

const at = (value: string) => value as LocalDate;

describe('ageOn', () => {
  it.each([
    ['1952-10-13', '1952-10-13', 0],
    ['1952-10-13', '2026-10-12', 73], // the day before the birthday
    ['1952-10-13', '2026-10-13', 74], // on the birthday
    ['1952-10-13', '2026-12-31', 74],
    ['2008-03-01', '2026-02-28', 17],
    ['2008-03-01', '2026-03-01', 18],
    ['2004-02-29', '2022-02-28', 17], // born on 29 February: not yet 18 on 28 February of a common year
    ['2004-02-29', '2022-03-01', 18], // ... but on 1 March
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20], // leap year: on the day itself
    ['2000-12-31', '2001-01-01', 0],
    ['1899-12-31', '2026-06-01', 126],
  ])('born %s, on %s: %i', (dateOfBirth, on, age) => {
    expect(ageOn(at(dateOfBirth), at(on))).toBe(age);
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn(at('2000-01-02'), at('2000-01-01'))).toThrow(DomainError);
  });
});
