import { DomainError } from '@asw/platform';
import { appealArrival, AppealResolution, AppealStatus, AppealToResolve, checkAppealResolution } from './appeal';
import { DeliveryMethod, recordedDelivery } from './delivery';
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

// Dates counted by hand on the 2026 calendar. HL 59 § (post: 7th day), laki 13/2003 19 § (electronic: 3rd
// day), HL 49 c § (30 days from receipt, the day of receipt not counted), laki 150/1930 5 § (a last day on
// a weekend or holiday moves to the next working day).
describe('recordedDelivery: delivery recorded after the decision', () => {
  const today = at('2026-03-20');
  it.each<[string, DeliveryMethod, string, string | null, string, string]>([
    // decidedOn, method, sentOn, receivedOn (input), receipt, appeal deadline
    ['2026-03-02', DeliveryMethod.POST, '2026-03-03', null, '2026-03-10', '2026-04-09'],
    ['2026-03-02', DeliveryMethod.ELECTRONIC, '2026-03-02', null, '2026-03-05', '2026-04-07'], // 4.4. Saturday, 5.4. Easter Sunday, 6.4. Easter Monday
    ['2026-03-02', DeliveryMethod.IN_PERSON, '2026-03-04', '2026-03-04', '2026-03-04', '2026-04-07'], // 30th day Good Friday 3.4. → Tuesday 7.4.
    ['2026-03-02', DeliveryMethod.PROOF_OF_SERVICE, '2026-03-03', '2026-03-09', '2026-03-09', '2026-04-08'],
  ])('decided %s, %s sent %s (received %s): receipt %s, deadline %s', (decidedOn, method, sentOn, receivedOn, receipt, deadline) => {
    expect(recordedDelivery(decidedOn, { method, sentOn, receivedOn }, today)).toEqual({ method, sentOn, receivedOn: receipt, appealDeadline: deadline });
  });

  it.each<[string, DeliveryMethod, string, string | null, string]>([
    ['2026-03-02', DeliveryMethod.POST, '2026-03-01', null, 'SENT_BEFORE_DECIDED'],
    ['2026-03-02', DeliveryMethod.POST, '2026-03-21', null, 'SENT_IN_FUTURE'],
    ['2026-03-02', DeliveryMethod.POST, '2026-03-03', '2026-03-05', 'RECEIVED_ON_PRESUMED'],
    ['2026-03-02', DeliveryMethod.IN_PERSON, '2026-03-03', null, 'RECEIVED_ON_REQUIRED'],
    ['2026-03-02', DeliveryMethod.PROOF_OF_SERVICE, '2026-03-19', '2026-03-21', 'RECEIVED_IN_FUTURE'],
  ])('decided %s, %s sent %s (received %s): refused %s', (decidedOn, method, sentOn, receivedOn, reason) => {
    const error = refusal(() => recordedDelivery(decidedOn, { method, sentOn, receivedOn }, today));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ reason });
  });
});

describe('appealArrival: in time if it arrived on or before the deadline (HL 49 c §)', () => {
  const delivery = { appealDeadline: at('2026-04-09') };
  const decision = { decidedOn: at('2026-03-02') };
  it.each([
    ['2026-04-08', true],
    ['2026-04-09', true], // the last day counts
    ['2026-04-10', false],
  ])('arrived %s: in time %s', (receivedOn, inTime) => {
    expect(appealArrival({ receivedOn }, decision, delivery, at('2026-05-01'))).toEqual({ receivedOn, appealDeadline: '2026-04-09', inTime });
  });

  it.each([
    [{ receivedOn: '2026-05-02' }, delivery, 'BAD_USER_INPUT', 'RECEIVED_IN_FUTURE'],
    [{ receivedOn: '2026-03-01' }, delivery, 'BAD_USER_INPUT', 'APPEAL_BEFORE_DECISION'],
    [{ receivedOn: '2026-03-10' }, null, 'CONFLICT', 'DELIVERY_NOT_RECORDED'],
  ])('refuses %j (delivery %j): %s %s', (input, given, code, reason) => {
    const error = refusal(() => appealArrival(input, decision, given, at('2026-05-01')));
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ reason });
  });
});

describe('checkAppealResolution (HL 49 e §, HL 50 §)', () => {
  const pending: AppealToResolve = { status: AppealStatus.PENDING, inTime: true, receivedOn: at('2026-04-01'), matterId: 'm1', decisionId: 'd1' };
  const today = at('2026-04-20');
  const next = { id: 'd2', matterId: 'm1', decidedOn: at('2026-04-10') };
  it.each([
    ['rejected', pending, AppealResolution.REJECTED, null],
    ['changed by a new decision in the same matter', pending, AppealResolution.DECISION_CHANGED, next],
    ['a late request not examined', { ...pending, inTime: false }, AppealResolution.NOT_EXAMINED, null],
  ])('accepts %s', (_label, appeal, resolution, newDecision) => {
    expect(() => checkAppealResolution(appeal, { resolution, resolvedOn: at('2026-04-15'), newDecision, today })).not.toThrow();
  });

  it.each([
    ['already resolved', { ...pending, status: AppealStatus.RESOLVED }, AppealResolution.REJECTED, null, '2026-04-15', 'APPEAL_ALREADY_RESOLVED'],
    ['resolved before it arrived', pending, AppealResolution.REJECTED, null, '2026-03-31', 'RESOLVED_BEFORE_RECEIVED'],
    ['resolved in the future', pending, AppealResolution.REJECTED, null, '2026-04-21', 'RESOLVED_IN_FUTURE'],
    ['changed without a new decision', pending, AppealResolution.DECISION_CHANGED, null, '2026-04-15', 'NEW_DECISION_REQUIRED'],
    ['changed to the appealed decision', pending, AppealResolution.DECISION_CHANGED, { ...next, id: 'd1' }, '2026-04-15', 'NEW_DECISION_IS_APPEALED'],
    ['changed by a decision in another matter', pending, AppealResolution.DECISION_CHANGED, { ...next, matterId: 'm2' }, '2026-04-15', 'NEW_DECISION_OTHER_CASE'],
    ['changed by a decision made before the request', pending, AppealResolution.DECISION_CHANGED, { ...next, decidedOn: at('2026-03-31') }, '2026-04-15', 'NEW_DECISION_BEFORE_APPEAL'],
    ['rejected naming a new decision', pending, AppealResolution.REJECTED, next, '2026-04-15', 'NEW_DECISION_NOT_EXPECTED'],
    ['an in-time request left unexamined', pending, AppealResolution.NOT_EXAMINED, null, '2026-04-15', 'IN_TIME_APPEAL_MUST_BE_EXAMINED'],
  ])('refuses %s', (_label, appeal, resolution, newDecision, resolvedOn, reason) => {
    const error = refusal(() => checkAppealResolution(appeal, { resolution, resolvedOn: at(resolvedOn), newDecision, today }));
    expect(error.details).toMatchObject({ reason });
  });
});
