import { kelaNoticeHandling } from './kela-notice.rules';

describe('kelaNoticeHandling', () => {
  it.each([
    ['NEED_FOR_SOCIAL_WORK', true, null],
    ['NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT', false, null],
    ['REDUCED_BASIC_AMOUNT', true, null],
    ['UNDER_25_UNEMPLOYED_4_MONTHS', true, 4],
    ['OVER_25_UNEMPLOYED_12_MONTHS', true, 12],
    ['IMMIGRANT_2_MONTHS', true, null],
  ])('%s: opens or attaches a case %s, attests %s months of income support', (type, opens, months) => {
    expect(kelaNoticeHandling(type)).toEqual({ opensOrAttachesCase: opens, incomeSupportMonths: months });
  });

  it.each(['UNKNOWN', 'toString', '__proto__'])('knows nothing of %s', (type) => {
    expect(kelaNoticeHandling(type)).toBeUndefined();
  });
});
