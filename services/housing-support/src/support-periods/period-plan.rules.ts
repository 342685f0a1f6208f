import { conflict, InputProblem, invalidInput } from '@asw/platform';
import {
  PersonalGoal,
  SupportPeriod,
  SupportPeriodStatus,
  validateFixedTerm,
  validatePersonalGoals,
  validateVisitSchedule,
  VisitSchedule,
} from '../domain';

/** What the worker agrees with the client while the period is being planned. */
export interface PeriodPlan {
  startsOn: string;
  endsOn: string;
  goals: readonly PersonalGoal[];
  visitSchedule: VisitSchedule | null;
}

/** The validity of the service decision (SHL 1301/2014 45 §) that opened the period; null ends are not known or open. */
export interface DecisionValidity {
  /** Recorded with the period; the plan's start is not checked against it (a plan may record support begun earlier). */
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * What the plan must meet besides its own shape, every problem at once: the service is granted by
 * the decision (SHL 45 §), so the term does not run beyond the decision's end; and the plan is one of
 * personal goals (DOMAIN.md: housing support starts with a plan of personal goals), so it has one.
 */
export function planProblems(term: { startsOn: string; endsOn: string }, goalCount: number, decision: DecisionValidity): InputProblem[] {
  const problems: InputProblem[] = [];
  if (decision.validUntil !== null && term.endsOn > decision.validUntil) {
    problems.push({ field: 'input.endsOn', reason: 'PLAN_BEYOND_DECISION', message: `the plan may end on ${decision.validUntil} at the latest, when the decision ends` });
  }
  if (goalCount === 0) problems.push({ field: 'input.goals', reason: 'PLAN_WITHOUT_GOALS', message: 'a plan has at least one personal goal' });
  return problems;
}

/**
 * Records (or rewrites) the plan of a period in PLANNING: a valid fixed term within the decision's
 * validity's end, at least one personal goal per guidance area, and the visit schedule. Once the period
 * runs, its plan is what was agreed at the start (DOMAIN.md), so a running or ended period refuses a
 * new one as CONFLICT.
 */
export function recordPlan(period: SupportPeriod, plan: PeriodPlan, decision: DecisionValidity): SupportPeriod {
  const term = validateFixedTerm(plan.startsOn, plan.endsOn);
  const goals = validatePersonalGoals(plan.goals);
  const visitSchedule = plan.visitSchedule ? validateVisitSchedule(plan.visitSchedule) : null;
  const problems = planProblems(term, goals.length, decision);
  if (problems.length > 0) throw invalidInput(problems);
  if (period.status !== SupportPeriodStatus.PLANNING) {
    throw conflict('the plan is recorded while the period is being planned', { status: period.status });
  }
  return { ...period, ...term, goals, visitSchedule };
}
