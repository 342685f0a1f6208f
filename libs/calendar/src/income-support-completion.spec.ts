import { completionDeadlineOn, completionDeadlinePassed, decisionClockAfterCompletion } from './income-support-completion';
import { LocalDate } from './local-date';
import { incomeSupportDeadlines } from './statutory-deadlines';
import { mondayToFridayCalendar } from './working-days';

const at = (date: string) => date as LocalDate;

// Toimeentulotukilaki 1412/1997 14 a § 2 mom: the decision is due by the 7th working day after the
// completion arrives or its deadline passes; laki 150/1930 5 §: a deadline ending on a Saturday,
// Sunday or holiday ends on the next working day, before anything counts from it. Values counted by
// hand on the 2026–2027 calendar (Easter: Good Friday 3.4., Easter Monday 6.4.2026; Christmas Eve
// 24.12., Christmas 25.12., Boxing Day 26.12.2026; New Year 1.1., Epiphany 6.1.2027).
describe('completion deadline and the §14 a clock after it', () => {
  it.each([
    { name: 'a Thursday deadline stays', dueOn: '2026-03-19', deadline: '2026-03-19', decisionDueOn: '2026-03-30' },
    { name: 'a Saturday deadline moves to Monday', dueOn: '2026-03-21', deadline: '2026-03-23', decisionDueOn: '2026-04-01' },
    { name: 'a Sunday deadline moves to Monday', dueOn: '2026-03-22', deadline: '2026-03-23', decisionDueOn: '2026-04-01' },
    { name: 'Good Friday moves past Easter to Tuesday', dueOn: '2026-04-03', deadline: '2026-04-07', decisionDueOn: '2026-04-16' },
    { name: 'Christmas Eve moves past Christmas to Monday', dueOn: '2026-12-24', deadline: '2026-12-28', decisionDueOn: '2027-01-08' },
  ])('$name: deadline $deadline, decision due $decisionDueOn', ({ dueOn, deadline, decisionDueOn }) => {
    expect(completionDeadlineOn(at(dueOn))).toBe(deadline);
    expect(decisionClockAfterCompletion({ dueOn: at(dueOn) })).toBe(deadline);
    const dates = incomeSupportDeadlines({ receivedOn: at('2026-03-02'), urgent: false, completion: { requestedOn: at('2026-03-05'), dueOn: at(dueOn) } }, mondayToFridayCalendar);
    expect(dates.decisionDueOn).toBe(decisionDueOn);
  });

  it.each([
    { name: 'arrives before the deadline: counts from arrival', dueOn: '2026-03-21', arrivedOn: '2026-03-18', clock: '2026-03-18' },
    { name: 'arrives on the Sunday after a Saturday deadline: still in time, counts from Sunday', dueOn: '2026-03-21', arrivedOn: '2026-03-22', clock: '2026-03-22' },
    { name: 'arrives after the moved deadline: no more time', dueOn: '2026-03-21', arrivedOn: '2026-03-25', clock: '2026-03-23' },
  ])('$name', ({ dueOn, arrivedOn, clock }) => {
    expect(decisionClockAfterCompletion({ dueOn: at(dueOn), arrivedOn: at(arrivedOn) })).toBe(clock);
  });

  it.each([
    { name: 'on the Saturday deadline itself', dueOn: '2026-03-21', today: '2026-03-21', passed: false },
    { name: 'on the Sunday before the Monday it moved to (issue #17)', dueOn: '2026-03-21', today: '2026-03-22', passed: false },
    { name: 'on the Monday it moved to', dueOn: '2026-03-21', today: '2026-03-23', passed: false },
    { name: 'the Tuesday after', dueOn: '2026-03-21', today: '2026-03-24', passed: true },
    { name: 'a weekday deadline, the next day', dueOn: '2026-03-19', today: '2026-03-20', passed: true },
    { name: 'Easter Monday after a Good Friday deadline', dueOn: '2026-04-03', today: '2026-04-06', passed: false },
  ])('deadline passed $name: $passed', ({ dueOn, today, passed }) => {
    expect(completionDeadlinePassed(at(dueOn), at(today))).toBe(passed);
  });
});
