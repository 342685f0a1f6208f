import type { UserIdentity } from '@asw/auth';
import { GraphContext, performedBy, requireUser } from '@asw/subgraph';

/** Roles that do asumissosiaalinen työ: instructors and nurses on visits, social workers, team leads. */
export const HOUSING_SUPPORT_ROLES = ['SOCIAL_INSTRUCTOR', 'SOCIAL_WORKER', 'PRACTICAL_NURSE', 'SUPERVISOR'] as const;

/**
 * Every resolver of this service starts here. Today the check is the caller's role; the
 * relationship check (named worker, co-worker on the case, team supervisor) is a later issue and
 * belongs here, per client, so no resolver needs to change when it comes.
 */
export function authorizeHousingWork(ctx: GraphContext): UserIdentity {
  return requireUser(ctx.identity, ...HOUSING_SUPPORT_ROLES);
}

/** The worker and the housing-work role their visit or report counts under. */
export const housingWorker = (worker: UserIdentity) => performedBy(worker, HOUSING_SUPPORT_ROLES);
