import { conflict } from '@asw/platform';
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

/**
 * Records (or rewrites) the plan of a period in PLANNING: a valid fixed term, the personal goals per
 * guidance area, and the visit schedule. Once the period runs, its plan is what was agreed at the
 * start (DOMAIN.md), so a running or ended period refuses a new one as CONFLICT.
 */
export function recordPlan(period: SupportPeriod, plan: PeriodPlan): SupportPeriod {
  const term = validateFixedTerm(plan.startsOn, plan.endsOn);
  const goals = validatePersonalGoals(plan.goals);
  const visitSchedule = plan.visitSchedule ? validateVisitSchedule(plan.visitSchedule) : null;
  if (period.status !== SupportPeriodStatus.PLANNING) {
    throw conflict('the plan is recorded while the period is being planned', { status: period.status });
  }
  return { ...period, ...term, goals, visitSchedule };
}
