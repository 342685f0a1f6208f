import { badInput } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';
import { assertEnumValue, optionalText, requiredText } from './text.rules';

/** Vastuutaho: who carries out a measure of the client plan (SHL §39: who does what). */
export enum ResponsibleParty {
  /** Asiakas itse */
  CLIENT = 'CLIENT',
  /** Omatyöntekijä */
  NAMED_WORKER = 'NAMED_WORKER',
  /** Muu työntekijä: must be named. */
  OTHER_WORKER = 'OTHER_WORKER',
  /** Läheinen: must be named. */
  CLOSE_PERSON = 'CLOSE_PERSON',
  /** Muu palvelu tai yhteistyötaho: must be named. */
  OTHER_SERVICE = 'OTHER_SERVICE',
}

/** Tavoitteen toteutuminen: attainment of a goal at a plan review (follow-up, seuranta ja arviointi). */
export enum GoalAttainment {
  /** Ei aloitettu */
  NOT_STARTED = 'NOT_STARTED',
  /** Osittain saavutettu */
  PARTLY_ACHIEVED = 'PARTLY_ACHIEVED',
  /** Saavutettu */
  ACHIEVED = 'ACHIEVED',
  /** Ei saavutettu */
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  /** Tavoitteesta luovuttu: left out of the overall judgement. */
  ABANDONED = 'ABANDONED',
}

export const MAX_GOAL_TEXT = 1000;
export const MAX_MEASURE_TEXT = 1000;
export const MAX_RESPONSIBLE_NAME = 200;

const NAME_REQUIRED: readonly ResponsibleParty[] = [ResponsibleParty.OTHER_WORKER, ResponsibleParty.CLOSE_PERSON, ResponsibleParty.OTHER_SERVICE];

export interface PlanGoal {
  text: string;
  /** The client's own goal (asiakkaan oma tavoite), as §39 requires at least one. */
  setByClient: boolean;
}

export interface PlanMeasure {
  /** Toimenpide */
  description: string;
  responsible: ResponsibleParty;
  /** Who exactly, when it is not the client or the named worker. */
  responsibleName?: string | null;
}

export interface ClientPlanVersionInput {
  planDate: string;
  /** Arviointipäivä: the next review; it must come after the plan date. */
  reviewDate: string;
  goals: readonly PlanGoal[];
  measures: readonly PlanMeasure[];
}

export interface ClientPlanVersion {
  planDate: string;
  reviewDate: string;
  goals: PlanGoal[];
  measures: Array<PlanMeasure & { responsibleName: string | null }>;
}

/**
 * A client plan version (asiakassuunnitelma, SHL §39) holds the client's own goals, the measures and
 * who does each, and a review date after the plan date. Refuses with BAD_USER_INPUT naming the field.
 */
export function validateClientPlanVersion(input: ClientPlanVersionInput): ClientPlanVersion {
  const planDate = parseLocalDate(input.planDate, 'planDate');
  const reviewDate = parseLocalDate(input.reviewDate, 'reviewDate');
  if (reviewDate <= planDate) throw badInput('reviewDate must be after planDate', { field: 'reviewDate', planDate, reviewDate });

  const goals = (input.goals ?? []).map((goal, index) => ({ text: requiredText(`goals[${index}].text`, goal.text, MAX_GOAL_TEXT), setByClient: goal.setByClient === true }));
  if (!goals.some((goal) => goal.setByClient)) throw badInput("At least one goal must be the client's own (SHL §39)", { field: 'goals' });

  const measures = (input.measures ?? []).map((measure, index) => {
    const field = `measures[${index}]`;
    const responsible = assertEnumValue(`${field}.responsible`, ResponsibleParty, measure.responsible);
    const responsibleName = optionalText(`${field}.responsibleName`, measure.responsibleName, MAX_RESPONSIBLE_NAME);
    if (NAME_REQUIRED.includes(responsible) && responsibleName === null) throw badInput(`${field}.responsibleName is required when ${responsible} is responsible`, { field: `${field}.responsibleName` });
    return { description: requiredText(`${field}.description`, measure.description, MAX_MEASURE_TEXT), responsible, responsibleName };
  });
  if (measures.length === 0) throw badInput('At least one measure is required, saying who does what', { field: 'measures' });

  return { planDate, reviewDate, goals, measures };
}

export interface GoalAttainmentSummary {
  goalCount: number;
  counts: Record<GoalAttainment, number>;
  /** Share of the goals still pursued (not ABANDONED) that are ACHIEVED, to 2 decimals; null if none is pursued. */
  achievedShare: number | null;
  /** One word for the whole plan, as shown at a review. */
  overall: GoalAttainment;
}

/**
 * Sums up attainment across a plan's goals. Abandoned goals do not count against the plan; overall is
 * ACHIEVED when every pursued goal is, PARTLY_ACHIEVED when any is achieved at least partly,
 * NOT_STARTED when none has started, otherwise NOT_ACHIEVED; ABANDONED only when all were given up.
 */
export function summariseGoalAttainment(attainments: readonly GoalAttainment[]): GoalAttainmentSummary {
  if (attainments.length === 0) throw badInput('A review needs the attainment of at least one goal', { field: 'attainments' });
  const counts = Object.fromEntries(Object.values(GoalAttainment).map((level) => [level, 0])) as Record<GoalAttainment, number>;
  attainments.forEach((level, index) => {
    counts[assertEnumValue(`attainments[${index}]`, GoalAttainment, level)] += 1;
  });
  const pursued = attainments.length - counts.ABANDONED;
  const overall =
    pursued === 0
      ? GoalAttainment.ABANDONED
      : counts.ACHIEVED === pursued
        ? GoalAttainment.ACHIEVED
        : counts.ACHIEVED + counts.PARTLY_ACHIEVED > 0
          ? GoalAttainment.PARTLY_ACHIEVED
          : counts.NOT_STARTED === pursued
            ? GoalAttainment.NOT_STARTED
            : GoalAttainment.NOT_ACHIEVED;
  return { goalCount: attainments.length, counts, achievedShare: pursued === 0 ? null : Math.round((counts.ACHIEVED / pursued) * 100) / 100, overall };
}
