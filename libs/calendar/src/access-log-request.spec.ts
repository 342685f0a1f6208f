import { DomainError } from '@asw/platform';
import { accessLogRequestDates } from './access-log-request';
import { LocalDate, startOfDayInFinland } from './local-date';

const at = (value: string) => value as LocalDate;

// Expected dates worked out by hand from a printed calendar, not from the library.
describe('answer deadline for a client’s access-log request (703/2023 11 §: within 2 months; 150/1930 3 § and 5 §)', () => {
  it.each([
    ['2026-01-13', '2026-03-13', 'Tue → Fri 13.3., an ordinary working day'],
    ['2026-03-10', '2026-05-11', '10.5.2026 is a Sunday → Monday (150/1930 5 §)'],
    ['2026-04-19', '2026-06-22', '19.6.2026 is Midsummer Eve, 20.6. Midsummer Day, 21.6. Sunday → Monday'],
    ['2026-10-24', '2026-12-28', '24.12.2026 Christmas Eve (Thu), then Christmas, Boxing Day (Sat), Sunday → Monday'],
    ['2026-12-31', '2027-03-01', 'no 31.2.: month end 28.2.2027 (150/1930 3 §), a Sunday → Monday 1.3.'],
    ['2027-12-31', '2028-02-29', 'leap year: month end 29.2.2028, a Tuesday'],
  ])('received %s → answer by %s (%s)', (receivedOn, answerDueOn) => {
    expect(accessLogRequestDates({ receivedOn: at(receivedOn) }).answerDueOn).toBe(answerDueOn);
  });
});

describe('period an answer covers: the last 2 years; older entries only on a special reason (703/2023 11 §)', () => {
  it.each([
    // receivedOn, requestedFrom, specialReason, periodFrom, olderEntries
    ['2026-03-10', null, null, '2024-03-10', false], // default: 2 years back to the same day
    ['2028-02-29', null, null, '2026-02-28', false], // 29.2. two years back: month end 28.2. (150/1930 3 §)
    ['2026-03-10', '2024-03-10', null, '2024-03-10', false], // exactly 2 years: no reason needed
    ['2026-03-10', '2025-06-01', null, '2025-06-01', false], // a shorter period
    ['2026-03-10', '2024-03-09', 'Epäilen luvatonta käyttöä keväällä 2024', '2024-03-09', true], // a day older: on the reason given
    ['2026-03-10', '2020-01-01', 'Suspected misuse in 2020', '2020-01-01', true],
  ] as const)('received %s, from %s (reason %s) → covers from %s, older entries %s', (receivedOn, requestedFrom, specialReason, periodFrom, olderEntries) => {
    const dates = accessLogRequestDates({ receivedOn: at(receivedOn), requestedFrom: requestedFrom && at(requestedFrom), specialReason });
    expect({ periodFrom: dates.periodFrom, olderEntries: dates.olderEntries }).toEqual({ periodFrom, olderEntries });
  });

  it.each([
    ['2026-03-10', '2024-03-09', null, 'specialReason'], // older than 2 years without a reason
    ['2026-03-10', '2024-03-09', '   ', 'specialReason'], // a blank reason is no reason
    ['2026-03-10', '2026-03-11', null, 'requestedFrom'], // a period starting after the request
    ['2026-02-30', null, null, 'receivedOn'], // no such day
  ] as const)('received %s, from %s, reason %p → BAD_USER_INPUT on %s', (receivedOn, requestedFrom, specialReason, field) => {
    let error: unknown;
    try {
      accessLogRequestDates({ receivedOn: at(receivedOn), requestedFrom: requestedFrom && at(requestedFrom), specialReason });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).details?.field).toBe(field);
  });
});

describe('startOfDayInFinland', () => {
  it.each([
    ['2026-01-15', '2026-01-14T22:00:00.000Z'], // EET, UTC+2
    ['2026-07-01', '2026-06-30T21:00:00.000Z'], // EEST, UTC+3
    ['2026-03-29', '2026-03-28T22:00:00.000Z'], // summer time starts at 03:00 that day
    ['2026-10-25', '2026-10-24T21:00:00.000Z'], // summer time ends at 04:00 that day
  ])('%s begins at %s', (date, instant) => {
    expect(startOfDayInFinland(at(date)).toISOString()).toBe(instant);
  });
});
