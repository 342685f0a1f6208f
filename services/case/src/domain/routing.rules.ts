import { badInput } from '@asw/platform';
import { WorkerRole } from './named-worker.rules';
import { SupportNeed } from './service-need-assessment.rules';

/**
 * What the worker found in the service need assessment (SHL §36). Severity ("serious ...") is the
 * worker's professional judgement, so it is asked for explicitly and never derived from supportNeeds;
 * only prison release is derived, because the support need PRISON_RELEASE states that very fact.
 */
export interface RoutingFacts {
  /** Age in full years on the day of the assessment. */
  age: number;
  hasIncome: boolean;
  supportNeeds: readonly SupportNeed[];
  /** Erityistä tukea tarvitseva (SHL §3): §42 requires a social worker on the case. */
  specialSupportNeeded: boolean;
  seriousSubstanceAbuse: boolean;
  seriousMentalHealth: boolean;
  seriousGambling: boolean;
  prisonRelease: boolean;
  seriousHousingProblem: boolean;
  newClientNeedingGuidance: boolean;
  rentArrears: boolean;
  hadEarlierSocialWorker: boolean;
  student: boolean;
  elderlyFirstAssessment: boolean;
}

export type RoutedRole = WorkerRole.SOCIAL_WORKER | WorkerRole.SOCIAL_INSTRUCTOR;

export interface RoutingRule {
  id: string;
  description: { fi: string; en: string };
  recommendedRole: RoutedRole;
  applies: (facts: RoutingFacts) => boolean;
}

/**
 * The units' routing rules (seed: Jyväskylä adult social work) as data, so a county can read and adjust
 * them. The named worker is chosen under SHL §42; these rules only recommend.
 */
export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'SPECIAL_SUPPORT',
    description: { fi: 'Erityistä tukea tarvitseva asiakas (SHL 42 §)', en: 'Client needs special support (SHL §42)' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.specialSupportNeeded,
  },
  {
    id: 'UNDER_25_WITHOUT_INCOME',
    description: { fi: 'Alle 25-vuotias ilman tuloja', en: 'Under 25 and without income' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.age < 25 && !f.hasIncome,
  },
  {
    id: 'SERIOUS_SUBSTANCE_ABUSE',
    description: { fi: 'Vakava päihdeongelma', en: 'Serious substance-abuse problem' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.seriousSubstanceAbuse,
  },
  {
    id: 'SERIOUS_MENTAL_HEALTH',
    description: { fi: 'Vakava mielenterveysongelma', en: 'Serious mental-health problem' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.seriousMentalHealth,
  },
  {
    id: 'SERIOUS_GAMBLING',
    description: { fi: 'Vakava rahapeliongelma', en: 'Serious gambling problem' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.seriousGambling,
  },
  {
    id: 'PRISON_RELEASE',
    description: { fi: 'Vapautuminen vankilasta', en: 'Release from prison' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.prisonRelease || f.supportNeeds.includes(SupportNeed.PRISON_RELEASE),
  },
  {
    id: 'SERIOUS_HOUSING_PROBLEM',
    description: { fi: 'Vakava asumisen ongelma', en: 'Serious housing problem' },
    recommendedRole: WorkerRole.SOCIAL_WORKER,
    applies: (f) => f.seriousHousingProblem,
  },
  {
    id: 'NEW_CLIENT_NEEDING_GUIDANCE',
    description: { fi: 'Uusi asiakas, joka tarvitsee ohjausta', en: 'New client needing guidance' },
    recommendedRole: WorkerRole.SOCIAL_INSTRUCTOR,
    applies: (f) => f.newClientNeedingGuidance,
  },
  {
    id: 'RENT_ARREARS_WITHOUT_EARLIER_SOCIAL_WORKER',
    description: { fi: 'Vuokrarästit, ei aiempaa sosiaalityöntekijää', en: 'Rent arrears and no earlier social worker' },
    recommendedRole: WorkerRole.SOCIAL_INSTRUCTOR,
    applies: (f) => f.rentArrears && !f.hadEarlierSocialWorker,
  },
  {
    id: 'STUDENT',
    description: { fi: 'Opiskelija', en: 'Student' },
    recommendedRole: WorkerRole.SOCIAL_INSTRUCTOR,
    applies: (f) => f.student,
  },
  {
    id: 'ELDERLY_FIRST_ASSESSMENT',
    description: { fi: 'Iäkäs asiakas, ensimmäinen arviointi', en: 'Elderly client, first assessment' },
    recommendedRole: WorkerRole.SOCIAL_INSTRUCTOR,
    applies: (f) => f.elderlyFirstAssessment,
  },
];

/** Given when no rule matches: without any sign of special support, a social instructor is the named worker. */
export const DEFAULT_ROUTING_REASON = {
  ruleId: 'DEFAULT_LESS_SUPPORT',
  description: {
    fi: 'Ei erityisen tuen tarpeeseen viittaavia tekijöitä: omatyöntekijäksi sosiaaliohjaaja',
    en: 'No sign of special support needs: a social instructor is the named worker',
  },
} as const;

export interface RoutingReason {
  ruleId: string;
  description: { fi: string; en: string };
}

export interface RoutingRecommendation {
  recommendedRole: RoutedRole;
  reasons: RoutingReason[];
}

/**
 * Recommends the named worker's role after the assessment. Any social-worker rule wins over every
 * social-instructor rule (a client with special support needs must have a social worker, §42); the
 * reasons are the rules of the winning role, in ROUTING_RULES order.
 */
export function recommendRouting(facts: RoutingFacts, rules: readonly RoutingRule[] = ROUTING_RULES): RoutingRecommendation {
  if (!Number.isInteger(facts.age) || facts.age < 0 || facts.age > 130) throw badInput('age must be a whole number of years', { field: 'age' });
  const matched = rules.filter((rule) => rule.applies(facts));
  const reasonsFor = (role: RoutedRole) => matched.filter((rule) => rule.recommendedRole === role).map(({ id, description }) => ({ ruleId: id, description }));
  const socialWorker = reasonsFor(WorkerRole.SOCIAL_WORKER);
  if (socialWorker.length > 0) return { recommendedRole: WorkerRole.SOCIAL_WORKER, reasons: socialWorker };
  const instructor = reasonsFor(WorkerRole.SOCIAL_INSTRUCTOR);
  return {
    recommendedRole: WorkerRole.SOCIAL_INSTRUCTOR,
    reasons: instructor.length > 0 ? instructor : [{ ruleId: DEFAULT_ROUTING_REASON.ruleId, description: { ...DEFAULT_ROUTING_REASON.description } }],
  };
}
