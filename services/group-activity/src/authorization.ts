import type { UserIdentity } from '@asw/auth';
import { GraphContext, performedBy, requireUser, roleBasis } from '@asw/subgraph';

/** Roles that run social rehabilitation groups: instructors, nurses, social workers, team leads. */
export const GROUP_ACTIVITY_ROLES = ['SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SOCIAL_WORKER', 'SUPERVISOR'] as const;

/** This service's data categories in the access log (käyttöloki). */
export type GroupDataCategory = 'groupEnrollments' | 'groupAttendance';

/**
 * Every resolver of this service starts here. Today the check is the caller's role; the
 * relationship check (named worker, co-worker on the case, team supervisor) is a later issue and
 * belongs here, per client, so no resolver needs to change when it comes.
 */
export function authorizeGroupWork(ctx: GraphContext): UserIdentity {
  return requireUser(ctx.identity, ...GROUP_ACTIVITY_ROLES);
}

/** Käyttöloki: this request read the client's group data (reads through `Client` are logged by the library). */
export function logRead(ctx: GraphContext, clientId: string, category: GroupDataCategory): void {
  ctx.access.read(clientId, [`group-activity:${category}`], roleBasis(ctx.identity));
}

/** Käyttöloki: this request changed the client's group data. */
export function logChange(ctx: GraphContext, clientId: string, category: GroupDataCategory): void {
  ctx.access.changed(clientId, [`group-activity:${category}`], roleBasis(ctx.identity));
}

/** The worker and the role their recorded attendance counts under. */
export const groupWorker = (worker: UserIdentity) => performedBy(worker, GROUP_ACTIVITY_ROLES);
