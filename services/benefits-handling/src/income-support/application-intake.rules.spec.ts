import { LocalDate, mondayToFridayCalendar, WorkingDayCalendar } from '@asw/calendar';
import { DomainError } from '@asw/platform';
import { ExpenseType, IncomeSupportKind } from '../domain';
import { applicationDeadlines, parseKelaReference, parseMissing, validateApplicationIntake } from './application-intake.rules';

const TODAY = '2026-11-25' as LocalDate;

const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('applicationDeadlines (§14 a, Monday–Friday, Finnish holidays)', () => {
  it.each([
    // received, clock starts, urgent → decision due, completion request due
    ['2026-04-02', '2026-04-02', false, '2026-04-15', '2026-04-15'], // Maundy Thursday: Good Friday, Easter Monday skipped
    ['2026-04-02', '2026-04-02', true, '2026-04-07', '2026-04-15'], // urgent: the next working day
    ['2026-04-04', '2026-04-04', true, '2026-04-07', '2026-04-15'], // Holy Saturday: next working day after Easter Monday
    ['2026-06-18', '2026-06-18', false, '2026-06-30', '2026-06-30'], // Midsummer Eve (Fri 19.6.) skipped
    ['2026-06-18', '2026-06-18', true, '2026-06-22', '2026-06-30'],
    ['2025-12-23', '2025-12-23', false, '2026-01-08', '2026-01-08'], // Christmas Eve to Boxing Day, New Year, Epiphany
    ['2025-12-23', '2025-12-23', true, '2025-12-29', '2026-01-08'],
    ['2026-11-27', '2026-11-27', false, '2026-12-08', '2026-12-08'], // Friday: weekends not counted
    ['2026-12-04', '2026-12-04', false, '2026-12-15', '2026-12-15'], // Independence Day (Sun 6.12.) falls on a weekend
    ['2026-09-01', '2026-09-14', false, '2026-09-23', '2026-09-10'], // after a completion request: counted from its deadline
  ])('received %s, clock from %s, urgent %s → decision %s, completion request %s', (receivedOn, clockStartsOn, urgent, decision, completion) => {
    expect(applicationDeadlines({ receivedOn, clockStartsOn, urgent }, mondayToFridayCalendar)).toEqual({ decisionDueOn: decision, completionRequestDueOn: completion });
  });

  it('counts Saturdays when the county sets so', () => {
    const withSaturdays = new WorkingDayCalendar({ countSaturdays: true });
    // Fri 27.11.2026: Sat 28 (1), Mon 30 (2), Tue 1.12. (3) … Fri 4 (6), Sat 5 (7); a time limit ending on a Saturday ends on Monday (Act 150/1930 5 §).
    expect(applicationDeadlines({ receivedOn: '2026-11-27', clockStartsOn: '2026-11-27', urgent: false }, withSaturdays).decisionDueOn).toBe('2026-12-07');
  });
});

describe('validateApplicationIntake', () => {
  const valid = {
    kind: IncomeSupportKind.SUPPLEMENTARY,
    receivedOn: '2026-11-25',
    urgent: false,
    student: true,
    expenses: [{ expenseType: ExpenseType.MEDICINE, claimedCents: 4_590, description: '  reseptilääkkeet ' }],
  };

  it('normalises a valid application', () => {
    expect(validateApplicationIntake(valid, TODAY)).toEqual({ ...valid, expenses: [{ expenseType: ExpenseType.MEDICINE, claimedCents: 4_590, description: 'reseptilääkkeet' }] });
  });

  it.each([
    ['kind', { kind: 'BASIC' }],
    ['receivedOn', { receivedOn: '2026-11-26' }],
    ['receivedOn', { receivedOn: '2026-02-30' }],
    ['expenses', { expenses: [] }],
    ['expenses', { expenses: Array.from({ length: 51 }, () => valid.expenses[0]) }],
    ['expenseType', { expenses: [{ expenseType: 'CAR', claimedCents: 1 }] }],
    ['claimedCents', { expenses: [{ expenseType: ExpenseType.RENT, claimedCents: 0 }] }],
    ['claimedCents', { expenses: [{ expenseType: ExpenseType.RENT, claimedCents: -1 }] }],
    ['claimedCents', { expenses: [{ expenseType: ExpenseType.RENT, claimedCents: 587.71 }] }],
    ['claimedCents', { expenses: [{ expenseType: ExpenseType.RENT, claimedCents: 10_000_001 }] }],
    ['description', { expenses: [{ expenseType: ExpenseType.RENT, claimedCents: 1, description: 'x'.repeat(501) }] }],
  ])('refuses a bad %s: %j', (field, overrides) => {
    const error = refusal(() => validateApplicationIntake({ ...valid, ...(overrides as object) } as never, TODAY));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) });
  });
});

describe('parseKelaReference and parseMissing', () => {
  it.each([['KELA/2026/000123', 'KELA/2026/000123'], ['  a.b_c-1 ', 'a.b_c-1']])('accepts the reference %j', (input, expected) => {
    expect(parseKelaReference(input)).toBe(expected);
  });

  it.each(['', ' ', 'has space', '/leading-slash', 'x'.repeat(65), 42, null])('refuses the reference %j', (input) => {
    expect(refusal(() => parseKelaReference(input)).code).toBe('BAD_USER_INPUT');
  });

  it.each(['', '   ', 'x'.repeat(2001), null])('refuses a completion request that does not say what is missing: %j', (input) => {
    expect(refusal(() => parseMissing(input)).code).toBe('BAD_USER_INPUT');
  });
});
