import { DomainError } from '@asw/platform';
import { appealInTime, decisionDayWithinWindow, decisionDelivery, DeliveryMethod } from './delivery';
import { LocalDate } from './local-date';

const at = (value: string) => value as LocalDate;
const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

// Values computed by hand from a 2026/2027 calendar (Easter 5.4.2026, Midsummer Eve 19.6.2026,
// Independence Day Sunday 6.12.2026, Christmas Eve Thursday 24.12.2026).
describe('decisionDelivery: receipt by method and the appeal deadline from it', () => {
  it.each<[DeliveryMethod, string, string | null, string, string, string]>([
    // method, sentOn, receivedOn (input), receipt, appeal deadline, why
    // HL 59 §: post is deemed received on the 7th day after sending; HL 49 c §: +30 days.
    [DeliveryMethod.POST, '2026-03-02', null, '2026-03-09', '2026-04-08', 'post, weekdays'],
    // HL 59 §: Saturday receipt is a presumption and is not moved; 30th day Monday 13.4.
    [DeliveryMethod.POST, '2026-03-07', null, '2026-03-14', '2026-04-13', 'post, received on a Saturday'],
    // 150/1930 5 §: 30th day Christmas Eve → Monday 28.12.
    [DeliveryMethod.POST, '2026-11-17', null, '2026-11-24', '2026-12-28', 'post, deadline on Christmas Eve'],
    // Laki 13/2003 19 §: electronic on the 3rd day after sending.
    [DeliveryMethod.ELECTRONIC, '2026-03-02', null, '2026-03-05', '2026-04-07', 'electronic, Easter Monday 6.4. moves it'],
    // 3rd day Sunday 22.3.; 30 days later Tuesday 21.4.
    [DeliveryMethod.ELECTRONIC, '2026-03-19', null, '2026-03-22', '2026-04-21', 'electronic, received on a Sunday'],
    // 30th day Midsummer Eve 19.6. → Monday 22.6.
    [DeliveryMethod.ELECTRONIC, '2026-05-17', null, '2026-05-20', '2026-06-22', 'electronic, deadline on Midsummer Eve'],
    // In person: the actual day (HL 49 c §); 30th day Saturday 4.4. → past Easter to Tuesday 7.4.
    [DeliveryMethod.IN_PERSON, '2026-03-05', '2026-03-05', '2026-03-05', '2026-04-07', 'in person, deadline on Easter Saturday'],
    // Proof of service (HL 60 §): the day on the receipt; 30th day Monday 7.12. after Independence Day Sunday.
    [DeliveryMethod.PROOF_OF_SERVICE, '2026-11-02', '2026-11-06', '2026-11-06', '2026-12-07', 'proof of service, deadline after Independence Day'],
  ])('%s sent %s (received %s): receipt %s, appeal by %s — %s', (method, sentOn, receivedOn, receipt, deadline) => {
    expect(decisionDelivery({ method, sentOn: at(sentOn), receivedOn: receivedOn === null ? null : at(receivedOn) })).toEqual({
      method,
      sentOn,
      receivedOn: receipt,
      appealDeadline: deadline,
    });
  });

  it.each<[DeliveryMethod, string, string | null, string]>([
    [DeliveryMethod.POST, '2026-03-02', '2026-03-03', 'RECEIVED_ON_PRESUMED'],
    [DeliveryMethod.ELECTRONIC, '2026-03-02', '2026-03-03', 'RECEIVED_ON_PRESUMED'],
    [DeliveryMethod.IN_PERSON, '2026-03-02', null, 'RECEIVED_ON_REQUIRED'],
    [DeliveryMethod.PROOF_OF_SERVICE, '2026-03-02', null, 'RECEIVED_ON_REQUIRED'],
    [DeliveryMethod.PROOF_OF_SERVICE, '2026-03-02', '2026-03-01', 'RECEIVED_BEFORE_SENT'],
    ['FAX' as DeliveryMethod, '2026-03-02', null, 'UNKNOWN_DELIVERY_METHOD'],
  ])('%s sent %s received %s is refused: %s', (method, sentOn, receivedOn, reason) => {
    const error = refusal(() => decisionDelivery({ method, sentOn: at(sentOn), receivedOn: receivedOn === null ? null : at(receivedOn) }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ reason });
  });
});

describe('appealInTime (HL 49 c §: the last day is still in time)', () => {
  it.each([
    ['2026-04-07', '2026-04-07', true],
    ['2026-04-06', '2026-04-07', true],
    ['2026-04-08', '2026-04-07', false],
  ])('arrived %s, deadline %s → %s', (arrivedOn, deadline, expected) => {
    expect(appealInTime(at(arrivedOn), at(deadline))).toBe(expected);
  });
});

describe('decisionDayWithinWindow (back-dated entry within the county window)', () => {
  it.each([
    ['2026-03-10', '2026-03-10', 30, '2026-03-10'],
    ['2026-02-08', '2026-03-10', 30, '2026-02-08'], // exactly 30 days back
  ])('decided %s, today %s, window %d → %s', (decidedOn, today, windowDays, expected) => {
    expect(decisionDayWithinWindow(at(decidedOn), at(today), windowDays)).toBe(expected);
  });

  it.each([
    ['2026-02-07', '2026-03-10', 30, 'BACKDATE_WINDOW_EXCEEDED'], // 31 days back
    ['2026-03-11', '2026-03-10', 30, 'DECIDED_IN_FUTURE'],
  ])('decided %s, today %s, window %d is refused: %s', (decidedOn, today, windowDays, reason) => {
    expect(refusal(() => decisionDayWithinWindow(at(decidedOn), at(today), windowDays)).details).toMatchObject({ reason, field: 'input.decidedOn' });
  });
});
