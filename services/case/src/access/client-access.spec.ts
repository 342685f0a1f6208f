import type { UserIdentity } from '@asw/auth';
import { AccessRecorder, ClientRelationships, GraphContext, Loaders } from '@asw/subgraph';
import { authorizeClientAccess, ClientDataCategory } from './client-access';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';
const K1 = '00000000-0000-4000-8000-00000000c001'; // team-x's ordinary case
const K2 = '00000000-0000-4000-8000-00000000c002'; // opened on intake only by "intruder" of team-y

const CASES = [
  { case_id: K1, client_id: A, team: 'team-x', open: true, named_worker: 'named', co_workers: ['co'], changed_at: new Date(), client_wide: true },
  { case_id: K2, client_id: A, team: 'team-y', open: true, named_worker: null, co_workers: ['intruder'], changed_at: new Date(), client_wide: false },
];
const QUEUES = [{ client_id: A, team: 'benefits-1' }];
const JUSTIFIED = [{ client_id: A, actor_id: 'justified', reason: 'URGENT_CLIENT_SAFETY' }];

/** The tables ClientRelationships and the queue basis read, answered from the fixtures above (the SQL itself runs in the integration tests). */
const db = {
  async query(sql: string, params: any[]) {
    if (sql.includes('FROM case_relationships')) return CASES.filter((row) => params[0].includes(row.client_id));
    if (sql.includes('FROM justified_access')) return JUSTIFIED.filter((row) => row.actor_id === params[0] && params[1].includes(row.client_id));
    if (sql.includes('FROM client_handling_team')) return QUEUES.filter((row) => row.team === params[0] && params[1].includes(row.client_id));
    throw new Error(`unexpected SQL ${sql}`);
  },
};

function contextFor(userId: string, roles: UserIdentity['roles'], team = 'team-z'): GraphContext {
  const identity: UserIdentity = { kind: 'user', userId, roles, team, organisation: 'o' };
  const access = new AccessRecorder('case', identity);
  const loaders = new Loaders();
  return { identity, access, loaders, correlationId: 'c', db, relationships: new ClientRelationships(db as never, identity, access, loaders) } as unknown as GraphContext;
}

describe('ClientAccess: who reaches which of a client’s data in case (issue #13)', () => {
  // [who, caller, category, case, expected basis (null: FORBIDDEN)]
  const rows: Array<[string, ReturnType<typeof contextFor>, ClientDataCategory, string | null, string | null]> = [
    // PRODUCT.md "Who may do what": the named worker / co-worker of an open case reach the client's record.
    ['the named worker: contacts', contextFor('named', ['SOCIAL_WORKER']), 'case:contacts', null, 'relationship:NAMED_WORKER'],
    ['the named worker: the other team’s case', contextFor('named', ['SOCIAL_WORKER']), 'case:cases', K2, 'relationship:NAMED_WORKER'],
    // Issue #13 item 1 (Act 703/2023 §§ 5–6, access only as the task requires): opening a case on intake opens that case only.
    ['the intake opener: basic details', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:client', null, `case:${K2}:CO_WORKER`],
    ['the intake opener: their own case', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:cases', K2, `case:${K2}:CO_WORKER`],
    ['the intake opener: the other team’s case', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:cases', K1, null],
    ['the intake opener: contacts', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:contacts', null, null],
    ['the intake opener: measurements', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:measurements', null, null],
    ['the intake opener: plans of the other case', contextFor('intruder', ['SOCIAL_WORKER'], 'team-y'), 'case:plans', K1, null],
    ['the intake opener’s supervisor: contacts', contextFor('lead-y', ['SUPERVISOR'], 'team-y'), 'case:contacts', null, null],
    ['the intake opener’s supervisor: that case', contextFor('lead-y', ['SUPERVISOR'], 'team-y'), 'case:cases', K2, `case:${K2}:TEAM_SUPERVISOR`],
    ['the ordinary case’s supervisor: contacts', contextFor('lead-x', ['SUPERVISOR'], 'team-x'), 'case:contacts', null, 'relationship:TEAM_SUPERVISOR'],
    // Issue #13 item 2: a benefits handler's only basis is the queue, and only for basic details.
    ['a benefits handler with the client in the team queue: basic details', contextFor('h1', ['BENEFITS_HANDLER'], 'benefits-1'), 'case:client', null, 'queue:benefits-1'],
    ['a benefits handler of another queue: basic details', contextFor('h2', ['BENEFITS_HANDLER'], 'benefits-2'), 'case:client', null, null],
    ['a benefits handler with the client in the queue: cases', contextFor('h1', ['BENEFITS_HANDLER'], 'benefits-1'), 'case:cases', K1, null],
    // Access with justification: in force, it opens the client's records, logged on its reason.
    ['a justified access: contacts', contextFor('justified', ['SOCIAL_WORKER']), 'case:contacts', null, 'justified:URGENT_CLIENT_SAFETY'],
    ['a justified access: a case', contextFor('justified', ['SOCIAL_WORKER']), 'case:cases', K1, 'justified:URGENT_CLIENT_SAFETY'],
    ['an outsider: basic details', contextFor('outsider', ['SOCIAL_WORKER']), 'case:client', null, null],
  ];

  it.each(rows)('%s', async (_who, ctx, category, caseId, expected) => {
    const access = authorizeClientAccess(ctx, 'read');
    if (expected === null) {
      await expect(access.read(A, category, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
      expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: [category], basis: 'no client relationship', outcome: 'REFUSED' }]);
    } else {
      await access.read(A, category, caseId);
      expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: [category], basis: expected, outcome: 'ALLOWED' }]);
    }
  });

  it.each([
    ['an unknown record (null)', null],
    ['an id that is no UUID', 'x; DROP TABLE client'],
    ['a client without cases', B],
  ])('refuses %s with FORBIDDEN, recorded, the same answer as a known client out of reach', async (_label, clientId) => {
    const ctx = contextFor('named', ['SOCIAL_WORKER']);
    await expect(authorizeClientAccess(ctx, 'casework').change(clientId, 'case:cases')).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'You have no client relationship with this client' });
    expect(ctx.access.entries).toEqual([{ clientId: clientId === B ? B : null, action: 'CHANGE', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' }]);
  });

  it('filters a list per case: the intake opener sees their case of the client, not the other team’s', async () => {
    const ctx = contextFor('intruder', ['SOCIAL_WORKER'], 'team-y');
    const cases = [{ id: K1, clientId: A }, { id: K2, clientId: A }];
    const shown = await authorizeClientAccess(ctx, 'read').filter(cases, (row) => row.clientId, 'case:cases', { caseIdOf: (row) => row.id });
    expect(shown).toEqual([{ id: K2, clientId: A }]);
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: ['case:cases'], basis: `case:${K2}:CO_WORKER`, outcome: 'ALLOWED' }]);
  });

  it('records intake and registration as the basis of a change', () => {
    const ctx = contextFor('advisor', ['CLIENT_ADVISOR']);
    const access = authorizeClientAccess(ctx, 'work');
    access.admitOn(A, 'intake');
    access.changed(A, 'case:cases');
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'CHANGE', categories: ['case:cases'], basis: 'intake', outcome: 'ALLOWED' }]);
  });

  it('refuses a role outside the action, recorded', () => {
    const ctx = contextFor('h1', ['BENEFITS_HANDLER'], 'benefits-1');
    expect(() => authorizeClientAccess(ctx, 'work', A)).toThrow();
    expect(ctx.access.entries).toEqual([expect.objectContaining({ clientId: A, action: 'CHANGE', outcome: 'REFUSED' })]);
  });
});
