import { DomainError } from '@asw/platform';
import { missedVisits, plannedVisitDates, VisitFrequency, Weekday } from './visit-schedule.rules';

describe('plannedVisitDates', () => {
  it.each([
    {
      name: 'weekly on Tuesdays, start on a Monday',
      schedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.TUESDAY },
      startsOn: '2026-01-05',
      endsOn: '2026-01-31',
      expected: ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'],
    },
    {
      name: 'weekly, start and end on the weekday (both inclusive)',
      schedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.MONDAY },
      startsOn: '2026-01-05',
      endsOn: '2026-01-19',
      expected: ['2026-01-05', '2026-01-12', '2026-01-19'],
    },
    {
      name: 'biweekly on Thursdays',
      schedule: { frequency: VisitFrequency.BIWEEKLY, weekday: Weekday.THURSDAY },
      startsOn: '2026-01-01',
      endsOn: '2026-02-28',
      expected: ['2026-01-01', '2026-01-15', '2026-01-29', '2026-02-12', '2026-02-26'],
    },
    {
      name: 'monthly keeps the 3rd Tuesday',
      schedule: { frequency: VisitFrequency.MONTHLY, weekday: Weekday.TUESDAY },
      startsOn: '2026-01-15',
      endsOn: '2026-04-30',
      expected: ['2026-01-20', '2026-02-17', '2026-03-17', '2026-04-21'],
    },
    {
      name: 'monthly from a 5th Friday means the last Friday',
      schedule: { frequency: VisitFrequency.MONTHLY, weekday: Weekday.FRIDAY },
      startsOn: '2026-01-29',
      endsOn: '2026-03-31',
      expected: ['2026-01-30', '2026-02-27', '2026-03-27'],
    },
    {
      name: 'monthly stops at the end date',
      schedule: { frequency: VisitFrequency.MONTHLY, weekday: Weekday.MONDAY },
      startsOn: '2026-01-01',
      endsOn: '2026-03-01',
      expected: ['2026-01-05', '2026-02-02'],
    },
    {
      name: 'no weekday inside a short period',
      schedule: { frequency: VisitFrequency.WEEKLY, weekday: Weekday.SUNDAY },
      startsOn: '2026-01-05',
      endsOn: '2026-01-09',
      expected: [],
    },
  ])('$name', ({ schedule, startsOn, endsOn, expected }) => {
    expect(plannedVisitDates(schedule, startsOn, endsOn)).toEqual(expected);
  });

  it.each([
    [{ frequency: 'DAILY' as VisitFrequency, weekday: Weekday.MONDAY }, '2026-01-01', '2026-02-01', 'frequency'],
    [{ frequency: VisitFrequency.WEEKLY, weekday: 'FUNDAY' as Weekday }, '2026-01-01', '2026-02-01', 'weekday'],
    [{ frequency: VisitFrequency.WEEKLY, weekday: Weekday.MONDAY }, '2026-02-01', '2026-01-01', 'endsOn'],
    [{ frequency: VisitFrequency.WEEKLY, weekday: Weekday.MONDAY }, '2026-02-30', '2026-03-01', 'startsOn'],
  ])('refuses %j from %s to %s on %s', (schedule, startsOn, endsOn, field) => {
    expect(() => plannedVisitDates(schedule, startsOn, endsOn)).toThrow(DomainError);
    try {
      plannedVisitDates(schedule, startsOn, endsOn);
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    }
  });
});

describe('missedVisits', () => {
  const planned = ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'];
  it.each([
    { name: 'all done on the day', done: ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'], today: '2026-02-15', tol: 3, expected: [] },
    { name: 'nothing done, all windows over', done: [], today: '2026-02-15', tol: 3, expected: planned },
    { name: 'late visit within tolerance counts', done: ['2026-01-08', '2026-01-16'], today: '2026-01-25', tol: 3, expected: ['2026-01-20'] },
    { name: 'early visit within tolerance counts', done: ['2026-01-03'], today: '2026-01-10', tol: 3, expected: [] },
    { name: 'window still open today is not missed', done: [], today: '2026-01-09', tol: 3, expected: [] },
    { name: 'window ends yesterday → missed', done: [], today: '2026-01-10', tol: 3, expected: ['2026-01-06'] },
    { name: 'one visit covers one planned date only', done: ['2026-01-10'], today: '2026-01-20', tol: 4, expected: ['2026-01-13'] },
    { name: 'tolerance 0: before today with no visit that day', done: ['2026-01-07'], today: '2026-01-07', tol: 0, expected: ['2026-01-06'] },
    { name: 'future planned dates are never missed', done: [], today: '2026-01-01', tol: 3, expected: [] },
  ])('$name', ({ done, today, tol, expected }) => {
    expect(missedVisits(planned, done, today, tol)).toEqual(expected);
  });

  it('uses a 3-day default tolerance', () => {
    expect(missedVisits(['2026-01-06'], ['2026-01-09'], '2026-02-01')).toEqual([]);
    expect(missedVisits(['2026-01-06'], ['2026-01-10'], '2026-02-01')).toEqual(['2026-01-06']);
  });

  it.each([[-1], [1.5], [32]])('refuses tolerance %p', (tol) => {
    expect(() => missedVisits(planned, [], '2026-02-01', tol)).toThrow(DomainError);
  });
});
