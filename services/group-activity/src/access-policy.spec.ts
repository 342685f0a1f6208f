import type { Identity } from '@asw/auth';
import { AccessRecorder, AccessRule, GraphContext, runDeclared } from '@asw/subgraph';
import { GROUP_ACTIVITY_POLICY, GROUP_ACTIVITY_ROLES, groupRow, GroupScope } from './access-policy';

const MINE = '11111111-1111-4111-8111-111111111111';
const OTHERS = '22222222-2222-4222-8222-222222222222';
const user = (userId: string, role = 'SOCIAL_INSTRUCTOR', team = 't'): Identity => ({ kind: 'user', userId, roles: [role as never], team, organisation: 'o' });

/** A request whose caller works on MINE's case only. */
function contextOf(identity: Identity): GraphContext {
  const access = new AccessRecorder('group-activity', identity);
  const relationships = { basisFor: async (clientId: string) => (clientId === MINE ? 'relationship:CO_WORKER' : null) };
  return { identity, correlationId: 'c', loaders: {} as never, access, relationships: relationships as never, db: {} as never };
}

const group: GroupScope = { id: 'g-1', facilitatorIds: ['ohjaaja-1'], team: 'team-a' };
const run = (ctx: GraphContext, rule: AccessRule, args: Record<string, unknown>, parent: unknown, result: unknown) =>
  runDeclared({ args, parent, ctx }, { rule, table: GROUP_ACTIVITY_POLICY }, async () => result);

describe('group-activity access policy', () => {
  const roster: AccessRule = { roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groupEnrollments'], each: (row, { parent }) => groupRow(row, parent as GroupScope), bases: ['facilitator', 'relationship'] };
  const rows = [{ clientId: MINE }, { clientId: OTHERS }];

  it.each([
    { name: 'a facilitator of the group sees all its rows, on the facilitator basis', userId: 'ohjaaja-1', visible: [MINE, OTHERS], basis: 'facilitator:g-1' },
    { name: 'anyone else sees the clients they have a relationship with', userId: 'worker-1', visible: [MINE], basis: 'relationship:CO_WORKER' },
  ])('$name', async ({ userId, visible, basis }) => {
    const ctx = contextOf(user(userId));
    const kept = (await run(ctx, roster, {}, group, rows)) as Array<{ clientId: string }>;
    expect(kept.map((row) => row.clientId)).toEqual(visible);
    expect(ctx.access.entries).toEqual(visible.map((clientId) => ({ clientId, action: 'READ', categories: ['group-activity:groupEnrollments'], basis, outcome: 'ALLOWED' })));
  });

  const attendance: AccessRule = { roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groupAttendance'], subject: ({ args }) => args.subject, bases: ['facilitator', 'relationship'] };

  it('a facilitator records attendance for a client on the group’s roster; anyone else needs the relationship, the role first', async () => {
    await expect(run(contextOf(user('ohjaaja-1')), attendance, { subject: { clientId: OTHERS, group } }, null, 'ok')).resolves.toBe('ok');
    await expect(run(contextOf(user('ohjaaja-1')), attendance, { subject: { clientId: OTHERS, group: null } }, null, 'ok')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
    await expect(run(contextOf(user('w')), attendance, { subject: { clientId: MINE, group } }, null, 'ok')).resolves.toBe('ok');
    await expect(run(contextOf(user('w', 'BENEFITS_HANDLER')), attendance, { subject: { clientId: MINE, group } }, null, 'ok')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } });
  });

  it('a group changes by its own team only (facilitators, the team’s supervisor); nothing is logged under a client', async () => {
    const change: AccessRule = { roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groups'], subject: () => ({ clientId: null, group }), bases: ['groupTeam'], refusal: 'Only the group’s own team' };
    const lead = contextOf(user('lead', 'SUPERVISOR', 'team-a'));
    await expect(run(lead, change, {}, null, 'ok')).resolves.toBe('ok');
    expect(lead.access.entries).toEqual([]);
    await expect(run(contextOf(user('ohjaaja-1')), change, {}, null, 'ok')).resolves.toBe('ok');
    await expect(run(contextOf(user('lead-b', 'SUPERVISOR', 'team-b')), change, {}, null, 'ok')).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only the group’s own team', details: { reason: 'NO_ACCESS_BASIS' } });
  });
});
