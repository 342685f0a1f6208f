import { expectRefusal } from './domain-error.testing';
import { AssessmentCompletionInput, SupportNeed, validateAssessmentCompletion } from './service-need-assessment.rules';

const valid: AssessmentCompletionInput = { summary: 'Asunto ja toimeentulo turvattava.', supportNeeds: [SupportNeed.HOUSING], specialSupportNeeded: false };

describe('validateAssessmentCompletion', () => {
  it.each([
    ['one need', valid, valid],
    ['trimmed summary', { ...valid, summary: '  Yhteenveto  ' }, { ...valid, summary: 'Yhteenveto' }],
    ['summary at the limit', { ...valid, summary: 'a'.repeat(4000) }, { ...valid, summary: 'a'.repeat(4000) }],
    [
      'several needs, special support',
      { ...valid, supportNeeds: [SupportNeed.SUBSTANCE_ABUSE, SupportNeed.MENTAL_HEALTH, SupportNeed.DEBT], specialSupportNeeded: true },
      { ...valid, supportNeeds: [SupportNeed.SUBSTANCE_ABUSE, SupportNeed.MENTAL_HEALTH, SupportNeed.DEBT], specialSupportNeeded: true },
    ],
  ])('accepts %s', (_label, input, expected) => {
    expect(validateAssessmentCompletion(input)).toEqual(expected);
  });

  it.each([
    ['an empty summary', { ...valid, summary: '' }, 'summary is required', { field: 'summary' }],
    ['a blank summary', { ...valid, summary: ' \n ' }, 'summary is required', { field: 'summary' }],
    ['an overlong summary', { ...valid, summary: 'a'.repeat(4001) }, 'at most 4000', { field: 'summary', max: 4000 }],
    ['no support needs', { ...valid, supportNeeds: [] }, 'At least one support need', { field: 'supportNeeds' }],
    ['a repeated need', { ...valid, supportNeeds: [SupportNeed.INCOME, SupportNeed.DEBT, SupportNeed.INCOME] }, 'INCOME is listed more than once', { index: 2 }],
    ['an unknown need', { ...valid, supportNeeds: [SupportNeed.INCOME, 'LONELINESS' as SupportNeed] }, 'supportNeeds[1] has an unknown value', { index: 1 }],
    ['special support not stated', { ...valid, specialSupportNeeded: undefined as unknown as boolean }, 'specialSupportNeeded must be stated', { field: 'specialSupportNeeded' }],
  ])('refuses %s', (_label, input, message, details) => {
    expectRefusal(() => validateAssessmentCompletion(input), 'BAD_USER_INPUT', message, details);
  });
});
