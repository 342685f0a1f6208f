import { accessPolicy, AccessSubject, GraphContext, parseId } from '@asw/subgraph';

/** What the group bases need of a group: its id, facilitators and team. */
export interface GroupScope {
  id: string;
  facilitatorIds: readonly string[];
  team: string | null;
}

/**
 * group-activity's access policy table (libs/subgraph/src/policy). Besides the library's bases:
 * - `facilitator`: the caller facilitates (ohjaa) the subject's group (`subject.group`): basis
 *   `facilitator:<groupId>`; a group's facilitators see its roster and keep its register;
 * - `groupTeam`: the group's own team: its facilitators, and the SUPERVISOR of the team the group
 *   belongs to (basis `group-team:<team>`). Only they change a group (issue #13 item 3): a role alone
 *   does not, so no one makes themselves facilitator of another team's group to reach its roster.
 */
export const Access = accessPolicy({
  service: 'group-activity',
  bases: {
    facilitator: (ctx, subject: AccessSubject) => {
      const group = subject.group as GroupScope | undefined;
      return ctx.identity.kind === 'user' && group?.facilitatorIds.includes(ctx.identity.userId) ? `facilitator:${group.id}` : null;
    },
    groupTeam: (ctx, subject: AccessSubject) => groupTeamBasis(ctx, subject.group as GroupScope | undefined),
  },
});

/** The group-team basis of the caller for a group, or null. */
export function groupTeamBasis(ctx: GraphContext, group: GroupScope | undefined): string | null {
  const identity = ctx.identity;
  if (identity.kind !== 'user' || !group) return null;
  if (group.facilitatorIds.includes(identity.userId)) return `facilitator:${group.id}`;
  if (identity.roles.includes('SUPERVISOR') && group.team !== null && group.team === identity.team) return `group-team:${group.team}`;
  return null;
}

/**
 * A group change concerns no client: the subject is the unit's own record (clientId null), so nothing is
 * logged under a client and a refusal is on record without one, where the auditor's `accessRefusals`
 * finds it. The access log has no subject column of its own, so the group id is not recorded there.
 * Unknown id: null, refused like a group of another team.
 */
export async function groupSubject(ctx: GraphContext, idInput: string, field = 'groupId'): Promise<AccessSubject | null> {
  const [row] = await ctx.db.query(`SELECT id, facilitator_ids, team FROM rehabilitation_group WHERE id = $1`, [parseId(idInput, field)]);
  return row ? { clientId: null, group: { id: row.id, facilitatorIds: row.facilitator_ids, team: row.team } } : null;
}
