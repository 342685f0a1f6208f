import type { Identity } from '@asw/auth';
import { AccessRecorder } from '../access-log/access-recorder';
import type { GraphContext } from '../graph-context';
import { admittedUser, AccessPolicyTable, AccessRule, recordSubject, runDeclared } from './access-policy';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';

const worker: Identity = { kind: 'user', userId: 'w', roles: ['SOCIAL_WORKER'], team: 't', organisation: 'o' };
const handler: Identity = { kind: 'user', userId: 'h', roles: ['BENEFITS_HANDLER'], team: 'queue-1', organisation: 'o' };
const kela: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-1', organisation: 'Kela' };

/** A request whose caller reaches the clients in `related` client-wide (the relationship rules have their own tests). */
function request(identity: Identity, related: string[] = []): GraphContext {
  const access = new AccessRecorder('svc', identity);
  const relationships = {
    basisFor: async (clientId: string) => (related.includes(clientId) ? 'relationship:CO_WORKER' : null),
    admitWith: (clientId: string, basis: string | null) => {
      if (basis) access.admit(clientId, basis);
      return basis;
    },
  };
  return { identity, access, relationships } as unknown as GraphContext;
}

const table: AccessPolicyTable = {
  service: 'svc',
  bases: { queue: (ctx, subject) => (ctx.identity.kind === 'user' && subject.team === ctx.identity.team ? `queue:${subject.team}` : null) },
};

const read = (rule: Partial<AccessRule>): AccessRule => ({ roles: ['SOCIAL_WORKER', 'BENEFITS_HANDLER'], action: 'READ', categories: ['things'], subject: ({ args }) => args.subject, ...rule });

describe('the access policy (one mechanism, declared per operation)', () => {
  // [case, caller, rule, subject the call names (null: an unknown id), expected: basis admitted, or the refusal's reason]
  const rows: Array<[string, GraphContext, AccessRule, object | null, { basis: string } | { refused: string }]> = [
    ['a related worker, by relationship', request(worker, [A]), read({}), { clientId: A }, { basis: 'relationship:CO_WORKER' }],
    ['an unrelated worker', request(worker), read({}), { clientId: A }, { refused: 'NO_CLIENT_RELATIONSHIP' }],
    ['an unknown id: the same answer as one out of reach', request(worker, [A]), read({}), null, { refused: 'NO_CLIENT_RELATIONSHIP' }],
    ['a role the operation does not admit', request(worker, [A]), read({ roles: ['AUDITOR'] }), { clientId: A }, { refused: 'ROLE_NOT_ALLOWED' }],
    ['a partner where workers are admitted', request(kela), read({}), { clientId: A }, { refused: 'ROLE_NOT_ALLOWED' }],
    ['the partner an operation is for', request(kela), read({ partner: 'KELA', bases: ['role'] }), { clientId: A }, { basis: 'partner:KELA' }],
    ['a service basis (the queue) before the relationship', request(handler), read({ bases: ['queue', 'relationship'] }), { clientId: A, team: 'queue-1' }, { basis: 'queue:queue-1' }],
    ['another queue', request(handler), read({ bases: ['queue', 'relationship'] }), { clientId: A, team: 'queue-2' }, { refused: 'NO_CLIENT_RELATIONSHIP' }],
    ['a unit’s record (no client) on a basis', request(handler), read({ bases: ['queue'], refusal: 'Not your queue' }), { clientId: null, team: 'queue-1' }, { basis: '' }],
    ['a unit’s record out of reach', request(handler), read({ bases: ['queue'], refusal: 'Not your queue' }), { clientId: null, team: 'queue-2' }, { refused: 'NO_ACCESS_BASIS' }],
    ['an unknown unit record: the same answer', request(handler), read({ bases: ['queue'], refusal: 'Not your queue' }), null, { refused: 'NO_ACCESS_BASIS' }],
  ];

  it.each(rows)('%s', async (_case, ctx, rule, subject, expected) => {
    let ran = false;
    const call = runDeclared({ args: { subject }, parent: null, ctx }, { rule, table }, async () => {
      ran = true;
      return 'data';
    });
    if ('refused' in expected) {
      await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: expected.refused } });
      expect(ran).toBe(false);
      expect(ctx.access.entries).toEqual([expect.objectContaining({ action: 'READ', outcome: 'REFUSED', categories: ['svc:things'] })]);
    } else {
      await expect(call).resolves.toBe('data');
      const clientId = (subject as { clientId: string | null }).clientId;
      expect(ctx.access.entries).toEqual(clientId ? [{ clientId, action: 'READ', categories: ['svc:things'], basis: expected.basis, outcome: 'ALLOWED' }] : []);
    }
  });

  it('filters a list to the items the caller reaches, each recorded on its basis; the others left out, not refused', async () => {
    const ctx = request(handler, [B]);
    const rule = read({ subject: undefined, bases: ['queue', 'relationship'], each: (item: { clientId: string; team: string }) => item });
    const items = [{ clientId: A, team: 'queue-1' }, { clientId: A, team: 'queue-2' }, { clientId: B, team: 'queue-2' }];
    await expect(runDeclared({ args: {}, parent: null, ctx }, { rule, table }, async () => items)).resolves.toEqual([items[0], items[2]]);
    expect(ctx.access.entries).toEqual([
      { clientId: A, action: 'READ', categories: ['svc:things'], basis: 'queue:queue-1', outcome: 'ALLOWED' },
      { clientId: B, action: 'READ', categories: ['svc:things'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' },
    ]);
  });

  it('admits the subject on one basis and each item on another (a client in the queue: only the applications in it)', async () => {
    const ctx = request(handler);
    const rule = read({
      subject: () => ({ clientId: A, team: 'queue-1' }),
      bases: ['queue'],
      eachBases: ['queue', 'relationship'],
      each: (item: { clientId: string; team: string }) => item,
    });
    const items = [{ clientId: A, team: 'queue-1' }, { clientId: A, team: 'queue-2' }];
    await expect(runDeclared({ args: {}, parent: null, ctx }, { rule, table }, async () => items)).resolves.toEqual([items[0]]);
  });

  it('records a change on the basis that admitted it, after the change ran', async () => {
    const ctx = request(worker, [A]);
    await runDeclared({ args: { subject: { clientId: A } }, parent: null, ctx }, { rule: read({ action: 'CHANGE' }), table }, async () => 'changed');
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'CHANGE', categories: ['svc:things'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' }]);
  });

  it('gives `each` the call, so an item’s subject can use the parent (a group’s own basis), and may be asynchronous', async () => {
    const ctx = request(handler, [B]);
    const rule = read({ subject: undefined, bases: ['queue', 'relationship'], each: async (item: { clientId: string }, { parent }) => ({ clientId: item.clientId, team: parent.team }) });
    const items = [{ clientId: A }, { clientId: B }];
    await expect(runDeclared({ args: {}, parent: { team: 'queue-2' }, ctx }, { rule, table }, async () => items)).resolves.toEqual([items[1]]);
    await expect(runDeclared({ args: {}, parent: { team: 'queue-1' }, ctx: request(handler) }, { rule, table }, async () => items)).resolves.toEqual(items);
  });

  it('answers a field computed over a list (a rate) from the items the caller reaches only', async () => {
    const ctx = request(worker, [A]);
    const rule = read({ subject: undefined, each: (item: { clientId: string }) => item, summary: (kept) => ({ count: kept.length }) });
    await expect(runDeclared({ args: {}, parent: null, ctx }, { rule, table }, async () => [{ clientId: A }, { clientId: B }, { clientId: A }])).resolves.toEqual({ count: 2 });
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: ['svc:things'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' }]);
  });

  it('admits a field of a record on the basis its parent was admitted on (`admitted`), and nothing the request did not admit', async () => {
    const ctx = request(worker);
    ctx.access.admit(A, 'facilitator:g-1');
    const rule = read({ subject: ({ parent }) => ({ clientId: parent.clientId }), bases: ['admitted'] });
    await expect(runDeclared({ args: {}, parent: { clientId: A }, ctx }, { rule, table }, async () => 'rate')).resolves.toBe('rate');
    await expect(runDeclared({ args: {}, parent: { clientId: B }, ctx }, { rule, table }, async () => 'rate')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
    expect(ctx.access.entries).toEqual([
      { clientId: A, action: 'READ', categories: ['svc:things'], basis: 'facilitator:g-1', outcome: 'ALLOWED' },
      { clientId: B, action: 'READ', categories: ['svc:things'], basis: 'no client relationship', outcome: 'REFUSED' },
    ]);
  });

  it('checks only the role where a rule names no subject (a unit’s own work), recording nothing', async () => {
    const ctx = request(worker);
    await expect(runDeclared({ args: {}, parent: null, ctx }, { rule: read({ subject: undefined }), table }, async () => 'groups')).resolves.toBe('groups');
    expect(ctx.access.entries).toEqual([]);
  });

  it.each([
    ['a user without the role', worker, read({ roles: ['AUDITOR'] }), 'This operation needs one of the roles AUDITOR'],
    ['a partner where workers are admitted', kela, read({}), 'This operation is for the county’s own workers'],
    ['another caller where a partner is admitted', worker, read({ roles: undefined, partner: 'KELA' }), 'This operation is only for KELA'],
  ])('refuses %s with the message a role check gives, and logs it', async (_case, identity, rule, message) => {
    const ctx = request(identity, [A]);
    await expect(runDeclared({ args: { subject: { clientId: A } }, parent: null, ctx }, { rule, table }, async () => 'x')).rejects.toMatchObject({ code: 'FORBIDDEN', message });
    expect(ctx.access.entries).toEqual([{ clientId: null, action: 'READ', categories: ['svc:things'], basis: message, outcome: 'REFUSED' }]);
  });

  it('loads a record’s client by id (recordSubject): null for an id naming nothing, BAD_USER_INPUT for a malformed one', async () => {
    const queries: unknown[][] = [];
    const ctx = { db: { query: async (sql: string, params: unknown[]) => (queries.push([sql, params]), params[0] === A.toLowerCase() ? [{ client_id: B }] : []) } } as unknown as GraphContext;
    await expect(recordSubject(ctx, 'rent_arrears', A.toUpperCase(), 'rentArrearsId')).resolves.toEqual({ clientId: B });
    await expect(recordSubject(ctx, 'rent_arrears', B, 'rentArrearsId')).resolves.toBeNull();
    await expect(recordSubject(ctx, 'rent_arrears', 'nope', 'rentArrearsId')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'rentArrearsId' } });
    await expect(recordSubject(ctx, 'x; drop table y', A, 'id')).rejects.toThrow(/not a table name/);
    expect(queries).toEqual([
      ['SELECT client_id FROM rent_arrears WHERE id = $1', [A]],
      ['SELECT client_id FROM rent_arrears WHERE id = $1', [B]],
    ]);
  });

  it('gives the admitted worker to commands (admittedUser); a partner is no worker', () => {
    expect(admittedUser(request(worker))).toBe(worker);
    expect(() => admittedUser(request(kela))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('fails loudly on a basis no table names (a typo is not an open door)', async () => {
    const ctx = request(worker, [A]);
    await expect(runDeclared({ args: { subject: { clientId: A } }, parent: null, ctx }, { rule: read({ bases: ['relationshp'] }), table }, async () => 'x')).rejects.toThrow(/no access basis named relationshp/);
  });
});
