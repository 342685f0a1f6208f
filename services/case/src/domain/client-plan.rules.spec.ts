import { GoalAttainment, PlanMeasure, ResponsibleParty, summariseGoalAttainment, validateClientPlanVersion, ClientPlanVersionInput } from './client-plan.rules';
import { expectRefusal } from './domain-error.testing';

const valid: ClientPlanVersionInput = {
  planDate: '2025-03-10',
  reviewDate: '2025-06-10',
  goals: [{ text: 'Oma asunto syksyyn mennessä', setByClient: true }],
  measures: [{ description: 'Asuntohakemus vuokrataloyhtiöön', responsible: ResponsibleParty.CLIENT }],
};
const measure = (override: Partial<PlanMeasure>): PlanMeasure => ({ description: 'Tapaaminen', responsible: ResponsibleParty.NAMED_WORKER, ...override });

describe('validateClientPlanVersion', () => {
  it.each([
    ['a minimal plan', valid, { goals: valid.goals, measures: [{ ...valid.measures[0], responsibleName: null }] }],
    ['review the next day', { ...valid, reviewDate: '2025-03-11' }, { reviewDate: '2025-03-11' }],
    [
      'worker goals beside a client goal',
      { ...valid, goals: [{ text: ' Velkojen selvittäminen ', setByClient: false }, { text: 'Päihteetön arki', setByClient: true }] },
      { goals: [{ text: 'Velkojen selvittäminen', setByClient: false }, { text: 'Päihteetön arki', setByClient: true }] },
    ],
    [
      'a named close person and service',
      { ...valid, measures: [measure({ responsible: ResponsibleParty.CLOSE_PERSON, responsibleName: ' Sisar ' }), measure({ responsible: ResponsibleParty.OTHER_SERVICE, responsibleName: 'A-klinikka' })] },
      { measures: [{ description: 'Tapaaminen', responsible: ResponsibleParty.CLOSE_PERSON, responsibleName: 'Sisar' }, { description: 'Tapaaminen', responsible: ResponsibleParty.OTHER_SERVICE, responsibleName: 'A-klinikka' }] },
    ],
    ['a goal at the length limit', { ...valid, goals: [{ text: 'g'.repeat(1000), setByClient: true }] }, { goals: [{ text: 'g'.repeat(1000), setByClient: true }] }],
  ])('accepts %s', (_label, input, expected) => {
    expect(validateClientPlanVersion(input)).toMatchObject(expected);
  });

  it.each([
    ['a malformed plan date', { planDate: '10.3.2025' }, 'planDate must be a date', { field: 'planDate' }],
    ['an impossible review date', { reviewDate: '2025-02-30' }, 'reviewDate is not a real calendar date', { field: 'reviewDate' }],
    ['review on the plan date', { reviewDate: '2025-03-10' }, 'reviewDate must be after planDate', { field: 'reviewDate' }],
    ['review before the plan date', { reviewDate: '2025-01-31' }, 'reviewDate must be after planDate', { field: 'reviewDate' }],
    ['no goals', { goals: [] }, "client's own", { field: 'goals' }],
    ['only worker goals', { goals: [{ text: 'Työkyvyn arviointi', setByClient: false }] }, "client's own", { field: 'goals' }],
    ['a blank goal', { goals: [{ text: 'Oma asunto', setByClient: true }, { text: ' ', setByClient: true }] }, 'goals[1].text is required', { field: 'goals[1].text' }],
    ['an overlong goal', { goals: [{ text: 'g'.repeat(1001), setByClient: true }] }, 'at most 1000', { field: 'goals[0].text' }],
    ['no measures', { measures: [] }, 'At least one measure', { field: 'measures' }],
    ['a measure without description', { measures: [measure({ description: '' })] }, 'measures[0].description is required', { field: 'measures[0].description' }],
    ['a measure without a responsible party', { measures: [measure({ responsible: undefined as unknown as ResponsibleParty })] }, 'measures[0].responsible has an unknown value', { field: 'measures[0].responsible' }],
    [
      'another worker not named',
      { measures: [measure({}), measure({ responsible: ResponsibleParty.OTHER_WORKER })] },
      'measures[1].responsibleName is required when OTHER_WORKER',
      { field: 'measures[1].responsibleName' },
    ],
  ])('refuses %s', (_label, override: Partial<ClientPlanVersionInput>, message, details) => {
    expectRefusal(() => validateClientPlanVersion({ ...valid, ...override }), 'BAD_USER_INPUT', message, details);
  });
});

describe('summariseGoalAttainment', () => {
  const { NOT_STARTED, PARTLY_ACHIEVED, ACHIEVED, NOT_ACHIEVED, ABANDONED } = GoalAttainment;

  it.each([
    [[ACHIEVED], ACHIEVED, 1],
    [[ACHIEVED, ACHIEVED, ABANDONED], ACHIEVED, 1],
    [[ACHIEVED, NOT_ACHIEVED], PARTLY_ACHIEVED, 0.5],
    [[PARTLY_ACHIEVED, NOT_STARTED], PARTLY_ACHIEVED, 0],
    [[ACHIEVED, NOT_STARTED, NOT_ACHIEVED], PARTLY_ACHIEVED, 0.33],
    [[NOT_STARTED, NOT_STARTED, ABANDONED], NOT_STARTED, 0],
    [[NOT_STARTED, NOT_ACHIEVED], NOT_ACHIEVED, 0],
    [[NOT_ACHIEVED], NOT_ACHIEVED, 0],
    [[ABANDONED, ABANDONED], ABANDONED, null],
  ])('%j → %s, achieved share %s', (attainments, overall, achievedShare) => {
    const summary = summariseGoalAttainment(attainments);
    expect(summary).toMatchObject({ goalCount: attainments.length, overall, achievedShare });
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(attainments.length);
  });

  it('counts every level', () => {
    expect(summariseGoalAttainment([ACHIEVED, ABANDONED, ACHIEVED, NOT_STARTED]).counts).toEqual({ NOT_STARTED: 1, PARTLY_ACHIEVED: 0, ACHIEVED: 2, NOT_ACHIEVED: 0, ABANDONED: 1 });
  });

  it.each([
    [[], 'at least one goal', { field: 'attainments' }],
    [[ACHIEVED, 'DONE' as GoalAttainment], 'attainments[1] has an unknown value', { field: 'attainments[1]' }],
  ])('refuses %j', (attainments, message, details) => {
    expectRefusal(() => summariseGoalAttainment(attainments), 'BAD_USER_INPUT', message, details);
  });
});
