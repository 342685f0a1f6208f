import type { UserIdentity } from '@asw/auth';
import { AccessAction, GraphContext, performedBy, requireUser } from '@asw/subgraph';

/** Roles that run social rehabilitation groups: instructors, nurses, social workers, team leads. */
export const GROUP_ACTIVITY_ROLES = ['SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SOCIAL_WORKER', 'SUPERVISOR'] as const;

/**
 * The one place this service decides access (PRODUCT.md "Who may do what"). Every resolver starts here.
 *
 * Groups themselves (name, schedule, capacity, facilitators, sessions) are the unit's work, not client
 * data: the caller's role is enough.
 */
export function authorizeGroupWork(ctx: GraphContext): UserIdentity {
  return requireUser(ctx.identity, ...GROUP_ACTIVITY_ROLES);
}

/**
 * A client's data (enrollments, waitlist entries, attendance, eligibility), by client id: the role and
 * a client relationship (named worker, co-worker on an open case, team supervisor), or FORBIDDEN with
 * the refusal in the access log. Checked before anything is read or written.
 */
export async function authorizeClientWork(ctx: GraphContext, clientId: string, action: AccessAction, ...categories: string[]): Promise<UserIdentity> {
  const worker = authorizeGroupWork(ctx);
  await ctx.relationships.require(clientId, action, ...categories);
  return worker;
}

/**
 * The client rows of one group (roster, waitlist, attendance) the caller may see: a facilitator (ohjaaja)
 * of the group sees all of the group's own rows, on the basis `facilitator:<groupId>`; anyone else only
 * the clients they have a relationship with (the others are left out, not refused).
 */
export async function visibleInGroup<T extends { clientId: string }>(ctx: GraphContext, group: { id: string; facilitatorIds: readonly string[] }, rows: readonly T[]): Promise<T[]> {
  const worker = authorizeGroupWork(ctx);
  if (!group.facilitatorIds.includes(worker.userId)) return ctx.relationships.filter(rows, (row) => row.clientId);
  for (const row of rows) ctx.access.admit(row.clientId, `facilitator:${group.id}`);
  return [...rows];
}

/**
 * Recording attendance: a facilitator of the session's group records it for the clients on the group's
 * roster (basis `facilitator:<groupId>`), as they keep the group's register; anyone else needs a client
 * relationship. `roster` is the session's group when the client is on its roster, else null.
 */
export async function authorizeAttendanceWork(ctx: GraphContext, roster: { id: string; facilitatorIds: readonly string[] } | null, clientId: string): Promise<UserIdentity> {
  const worker = authorizeGroupWork(ctx);
  if (roster?.facilitatorIds.includes(worker.userId)) {
    ctx.access.admit(clientId, `facilitator:${roster.id}`);
    return worker;
  }
  return authorizeClientWork(ctx, clientId, 'CHANGE', 'groupAttendance');
}

/** The worker and the role their recorded attendance counts under. */
export const groupWorker = (worker: UserIdentity) => performedBy(worker, GROUP_ACTIVITY_ROLES);
