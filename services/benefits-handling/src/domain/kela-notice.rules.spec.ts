import { DomainError } from '@asw/platform';
import { activationFactOf, ActivationAgeBand, KelaNoticeType, kelaNoticeHandling, mustBeHandledSameDay, NoticePriority, opensOrAttachesCase } from './kela-notice.rules';

const T = KelaNoticeType;

describe('kelaNoticeHandling', () => {
  it.each([
    [T.NEED_FOR_SOCIAL_WORK, true, false, null, NoticePriority.IMMEDIATE],
    [T.NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT, false, true, null, NoticePriority.NORMAL],
    [T.REDUCED_BASIC_AMOUNT, true, false, null, NoticePriority.NORMAL],
    [T.UNDER_25_UNEMPLOYED_4_MONTHS, true, false, { kind: 'INCOME_SUPPORT_AS_MAIN_INCOME', ageBand: ActivationAgeBand.UNDER_25, months: 4 }, NoticePriority.NORMAL],
    [T.OVER_25_UNEMPLOYED_12_MONTHS, true, false, { kind: 'INCOME_SUPPORT_AS_MAIN_INCOME', ageBand: ActivationAgeBand.AGE_25_OR_OVER, months: 12 }, NoticePriority.NORMAL],
    [T.IMMIGRANT_2_MONTHS, true, false, null, NoticePriority.NORMAL],
  ])('%s: case %s, application %s, activation %j, %s', (type, opens, creates, fact, priority) => {
    expect(kelaNoticeHandling(type)).toEqual({ opensOrAttachesCase: opens, createsApplication: creates, activationFact: fact, priority });
    expect(opensOrAttachesCase(type)).toBe(opens);
    expect(activationFactOf(type)).toEqual(fact);
  });

  it('covers every notice type', () => {
    for (const type of Object.values(KelaNoticeType)) expect(() => kelaNoticeHandling(type)).not.toThrow();
  });

  it('refuses an unknown type', () => {
    expect(() => kelaNoticeHandling('SOMETHING' as KelaNoticeType)).toThrow(DomainError);
  });

  it.each([
    [T.NEED_FOR_SOCIAL_WORK, true, true],
    [T.NEED_FOR_SOCIAL_WORK, false, false],
    [T.REDUCED_BASIC_AMOUNT, true, false],
  ])('%s urgent=%s → same day %s', (type, urgent, expected) => {
    expect(mustBeHandledSameDay(type, urgent)).toBe(expected);
  });
});
