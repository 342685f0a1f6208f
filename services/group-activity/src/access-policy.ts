import { accessPolicy, AccessCall, AccessPolicyTable, AccessSubject, GraphContext, parseId, performedBy } from '@asw/subgraph';
import type { UserIdentity } from '@asw/auth';

/** What the group bases need of a group: its id, facilitators and team. */
export interface GroupScope {
  id: string;
  facilitatorIds: readonly string[];
  team: string | null;
}

/**
 * group-activity's access policy table (libs/subgraph/src/policy): every resolver declares its rule
 * with `@Access({...})`; the mechanism checks the role, admits the client, filters lists and records
 * the access log. Groups themselves (name, schedule, capacity, sessions) are the unit's work, not
 * client data: the role is enough to see them. A client's data (enrollments, waitlist entries,
 * attendance, eligibility) needs a client relationship or an access with justification (`relationship`)
 * or, for the group's own rows, one of this service's bases:
 * - `facilitator`: the caller facilitates (ohjaa) the subject's group (`subject.group`): basis
 *   `facilitator:<groupId>`; a group's facilitators see its roster and keep its register;
 * - `groupTeam`: the group's own team: its facilitators, and the SUPERVISOR of the team the group
 *   belongs to (basis `group-team:<team>`). Only they change a group (issue #13 item 3): a role alone
 *   does not, so no one makes themselves facilitator of another team's group to reach its roster.
 */
export const GROUP_ACTIVITY_POLICY: AccessPolicyTable = {
  service: 'group-activity',
  bases: {
    facilitator: (ctx, subject: AccessSubject) => {
      const group = subject.group as GroupScope | null | undefined;
      return ctx.identity.kind === 'user' && group?.facilitatorIds.includes(ctx.identity.userId) ? `facilitator:${group.id}` : null;
    },
    groupTeam: (ctx, subject: AccessSubject) => groupTeamBasis(ctx, subject.group as GroupScope | undefined),
  },
};

export const Access = accessPolicy(GROUP_ACTIVITY_POLICY);

/** Roles that run social rehabilitation groups: instructors, nurses, social workers, team leads. */
export const GROUP_ACTIVITY_ROLES = ['SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'SOCIAL_WORKER', 'SUPERVISOR'] as const;

/** The worker and the role their recorded attendance counts under. */
export const groupWorker = (worker: UserIdentity) => performedBy(worker, GROUP_ACTIVITY_ROLES);

/** The group-team basis of the caller for a group, or null. */
export function groupTeamBasis(ctx: GraphContext, group: GroupScope | undefined): string | null {
  const identity = ctx.identity;
  if (identity.kind !== 'user' || !group) return null;
  if (group.facilitatorIds.includes(identity.userId)) return `facilitator:${group.id}`;
  if (identity.roles.includes('SUPERVISOR') && group.team !== null && group.team === identity.team) return `group-team:${group.team}`;
  return null;
}

/** The groups' scopes by id, for the rows of one request's lists in one query; null for an id that names none. */
export function groupScope(ctx: GraphContext, groupId: string): Promise<GroupScope | null> {
  const loader = ctx.loaders.get<GroupScope | null>('groupScopeById', async (ids) => {
    const rows: Array<{ id: string; facilitator_ids: string[]; team: string | null }> = await ctx.db.query(`SELECT id, facilitator_ids, team FROM rehabilitation_group WHERE id = ANY($1::uuid[])`, [ids]);
    return ids.map((id) => {
      const row = rows.find((r) => r.id === id);
      return row ? { id: row.id, facilitatorIds: row.facilitator_ids, team: row.team } : null;
    });
  });
  return loader.load(groupId.toLowerCase());
}

/**
 * A group change concerns no client: the subject is the unit's own record (clientId null), so nothing is
 * logged under a client and a refusal is on record without one, where the auditor's `accessRefusals`
 * finds it. The access log has no subject column of its own, so the group id is not recorded there.
 * Unknown id: null, refused like a group of another team.
 */
export async function groupSubject(ctx: GraphContext, idInput: string, field = 'groupId'): Promise<AccessSubject | null> {
  // Read afresh, not from the request's loader: an earlier mutation of the same document may have changed the facilitators.
  const [row] = await ctx.db.query(`SELECT id, facilitator_ids, team FROM rehabilitation_group WHERE id = $1`, [parseId(idInput, field)]);
  return row ? { clientId: null, group: { id: row.id, facilitatorIds: row.facilitator_ids, team: row.team } } : null;
}

/** An enrollment mutation: the client of `input` (its group id checked first, as the command reads it). */
export function enrollmentSubject({ args }: AccessCall): AccessSubject {
  parseId(args.input.groupId, 'groupId');
  return { clientId: parseId(args.input.clientId, 'clientId') };
}

/**
 * Recording attendance: the client of `input`, with the session's group when the client ever had a
 * place in it (whose register a facilitator keeps); null group otherwise (a client relationship is needed).
 */
export async function attendanceSubject({ args, ctx }: AccessCall): Promise<AccessSubject> {
  const [sessionId, clientId] = [parseId(args.input.sessionId, 'sessionId'), parseId(args.input.clientId, 'clientId')];
  const [row] = await ctx.db.query(
    `SELECT g.id, g.facilitator_ids, g.team FROM group_session s JOIN rehabilitation_group g ON g.id = s.group_id
      WHERE s.id = $1 AND EXISTS (SELECT 1 FROM group_enrollment e WHERE e.group_id = s.group_id AND e.client_id = $2)`,
    [sessionId, clientId],
  );
  return { clientId, group: row ? { id: row.id, facilitatorIds: row.facilitator_ids, team: row.team } : null };
}

/** A row of a group's own list (roster, attendance), with the group it belongs to. */
export const groupRow = (row: { clientId: string }, group: GroupScope | null): AccessSubject => ({ clientId: row.clientId, group });
