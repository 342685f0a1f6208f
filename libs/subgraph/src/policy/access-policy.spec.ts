import type { Identity } from '@asw/auth';
import { AccessRecorder } from '../access-log/access-recorder';
import type { GraphContext } from '../graph-context';
import { AccessPolicyTable, AccessRule, runDeclared } from './access-policy';

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

  it('fails loudly on a basis no table names (a typo is not an open door)', async () => {
    const ctx = request(worker, [A]);
    await expect(runDeclared({ args: { subject: { clientId: A } }, parent: null, ctx }, { rule: read({ bases: ['relationshp'] }), table }, async () => 'x')).rejects.toThrow(/no access basis named relationshp/);
  });
});
