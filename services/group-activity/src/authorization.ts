import type { UserIdentity } from '@asw/auth';
import { GraphContext, performedBy, requireUser } from '@asw/subgraph';

/** Roles that run social rehabilitation groups: instructors, nurses, social workers, team leads. */
export const GROUP_ACTIVITY_ROLES = ['SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SOCIAL_WORKER', 'SUPERVISOR'] as const;

/**
 * Every resolver of this service starts here. Today the check is the caller's role; the
 * relationship check (named worker, co-worker on the case, team supervisor) is a later issue and
 * belongs here, per client, so no resolver needs to change when it comes.
 */
export function authorizeGroupWork(ctx: GraphContext): UserIdentity {
  return requireUser(ctx.identity, ...GROUP_ACTIVITY_ROLES);
}

/** The worker and the role their recorded attendance counts under. */
export const groupWorker = (worker: UserIdentity) => performedBy(worker, GROUP_ACTIVITY_ROLES);
