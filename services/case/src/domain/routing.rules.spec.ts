import { expectRefusal } from './domain-error.testing';
import { WorkerRole } from './named-worker.rules';
import { recommendRouting, ROUTING_RULES, RoutingFacts } from './routing.rules';
import { SupportNeed } from './service-need-assessment.rules';

const { SOCIAL_WORKER, SOCIAL_INSTRUCTOR } = WorkerRole;

// A 40-year-old with income and no particular findings: no rule applies.
const plain: RoutingFacts = {
  age: 40,
  hasIncome: true,
  supportNeeds: [SupportNeed.INCOME],
  specialSupportNeeded: false,
  seriousSubstanceAbuse: false,
  seriousMentalHealth: false,
  seriousGambling: false,
  prisonRelease: false,
  seriousHousingProblem: false,
  newClientNeedingGuidance: false,
  rentArrears: false,
  hadEarlierSocialWorker: false,
  student: false,
  elderlyFirstAssessment: false,
};

describe('recommendRouting', () => {
  it.each([
    ['no findings', {}, SOCIAL_INSTRUCTOR, ['DEFAULT_LESS_SUPPORT']],
    ['special support', { specialSupportNeeded: true }, SOCIAL_WORKER, ['SPECIAL_SUPPORT']],
    ['under 25 without income', { age: 24, hasIncome: false }, SOCIAL_WORKER, ['UNDER_25_WITHOUT_INCOME']],
    ['25 without income', { age: 25, hasIncome: false }, SOCIAL_INSTRUCTOR, ['DEFAULT_LESS_SUPPORT']],
    ['under 25 with income', { age: 19, hasIncome: true }, SOCIAL_INSTRUCTOR, ['DEFAULT_LESS_SUPPORT']],
    ['serious substance abuse', { seriousSubstanceAbuse: true }, SOCIAL_WORKER, ['SERIOUS_SUBSTANCE_ABUSE']],
    ['substance abuse need that is not serious', { supportNeeds: [SupportNeed.SUBSTANCE_ABUSE] }, SOCIAL_INSTRUCTOR, ['DEFAULT_LESS_SUPPORT']],
    ['serious mental health', { seriousMentalHealth: true }, SOCIAL_WORKER, ['SERIOUS_MENTAL_HEALTH']],
    ['serious gambling', { seriousGambling: true }, SOCIAL_WORKER, ['SERIOUS_GAMBLING']],
    ['prison release fact', { prisonRelease: true }, SOCIAL_WORKER, ['PRISON_RELEASE']],
    ['prison release support need', { supportNeeds: [SupportNeed.PRISON_RELEASE] }, SOCIAL_WORKER, ['PRISON_RELEASE']],
    ['serious housing problem', { seriousHousingProblem: true }, SOCIAL_WORKER, ['SERIOUS_HOUSING_PROBLEM']],
    ['new client needing guidance', { newClientNeedingGuidance: true }, SOCIAL_INSTRUCTOR, ['NEW_CLIENT_NEEDING_GUIDANCE']],
    ['rent arrears, no earlier social worker', { rentArrears: true }, SOCIAL_INSTRUCTOR, ['RENT_ARREARS_WITHOUT_EARLIER_SOCIAL_WORKER']],
    ['rent arrears with an earlier social worker', { rentArrears: true, hadEarlierSocialWorker: true }, SOCIAL_INSTRUCTOR, ['DEFAULT_LESS_SUPPORT']],
    ['student', { student: true }, SOCIAL_INSTRUCTOR, ['STUDENT']],
    ['elderly first assessment', { age: 78, elderlyFirstAssessment: true }, SOCIAL_INSTRUCTOR, ['ELDERLY_FIRST_ASSESSMENT']],
    ['several instructor rules', { student: true, newClientNeedingGuidance: true }, SOCIAL_INSTRUCTOR, ['NEW_CLIENT_NEEDING_GUIDANCE', 'STUDENT']],
    ['social worker wins over instructor', { student: true, age: 21, hasIncome: false, newClientNeedingGuidance: true }, SOCIAL_WORKER, ['UNDER_25_WITHOUT_INCOME']],
    [
      'several social-worker rules, in rule order',
      { seriousHousingProblem: true, seriousSubstanceAbuse: true, specialSupportNeeded: true, rentArrears: true },
      SOCIAL_WORKER,
      ['SPECIAL_SUPPORT', 'SERIOUS_SUBSTANCE_ABUSE', 'SERIOUS_HOUSING_PROBLEM'],
    ],
  ])('%s → %s', (_label, override: Partial<RoutingFacts>, role, ruleIds) => {
    const recommendation = recommendRouting({ ...plain, ...override });
    expect(recommendation.recommendedRole).toBe(role);
    expect(recommendation.reasons.map((reason) => reason.ruleId)).toEqual(ruleIds);
  });

  it('gives each reason its Finnish and English description', () => {
    expect(recommendRouting({ ...plain, seriousGambling: true }).reasons).toEqual([
      { ruleId: 'SERIOUS_GAMBLING', description: { fi: 'Vakava rahapeliongelma', en: 'Serious gambling problem' } },
    ]);
  });

  it('keeps rules as data with unique ids and both languages', () => {
    const ids = ROUTING_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    ROUTING_RULES.forEach((rule) => expect(rule.description.fi && rule.description.en).toBeTruthy());
  });

  it.each([[-1], [24.5], [NaN], [200]])('refuses age %s', (age) => {
    expectRefusal(() => recommendRouting({ ...plain, age }), 'BAD_USER_INPUT', 'age', { field: 'age' });
  });
});
