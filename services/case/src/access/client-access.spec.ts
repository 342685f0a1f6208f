import type { UserIdentity } from '@asw/auth';
import { forbidden } from '@asw/platform';
import { AccessRecorder, ClientRelationship, GraphContext, relationshipBasis } from '@asw/subgraph';
import { authorizeClientAccess } from './client-access';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';
const C = '00000000-0000-4000-8000-0000000000c3';

/** A request context whose caller holds `held` relationships (a stand-in for ctx.relationships over case_relationships). */
function contextFor(roles: UserIdentity['roles'], held: Record<string, ClientRelationship>): GraphContext {
  const identity: UserIdentity = { kind: 'user', userId: 'u-1', roles, team: 't', organisation: 'o' };
  const access = new AccessRecorder('case', identity);
  const relationships = {
    of: async (clientId: string) => held[clientId] ?? null,
    require: async (clientId: string, action: 'READ' | 'CHANGE', ...categories: string[]) => {
      const relationship = held[clientId];
      if (!relationship) {
        access.refused(clientId, action, 'no client relationship', ...categories);
        throw forbidden('You have no client relationship with this client');
      }
      access.admit(clientId, relationshipBasis(relationship));
      return relationship;
    },
    filter: async <T>(items: readonly T[], clientIdOf: (item: T) => string) =>
      items.filter((item) => {
        const relationship = held[clientIdOf(item)];
        if (relationship) access.admit(clientIdOf(item), relationshipBasis(relationship));
        return Boolean(relationship);
      }),
  };
  return { identity, access, relationships } as unknown as GraphContext;
}

describe('ClientAccess (the case service’s one access seam)', () => {
  it('admits a read through a relationship and records it with the relationship as the basis', async () => {
    const ctx = contextFor(['SOCIAL_WORKER'], { [A]: 'CO_WORKER' });
    await authorizeClientAccess(ctx, 'read').read(A, 'case:plans');
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: ['case:plans'], basis: 'relationship:CO_WORKER', outcome: 'ALLOWED' }]);
  });

  it.each([
    ['no relationship', A],
    ['an unknown record (null)', null],
    ['an id that is no UUID', 'x; DROP TABLE client'],
  ])('refuses %s with FORBIDDEN and records the refusal', async (_label, clientId) => {
    const ctx = contextFor(['SOCIAL_WORKER'], {});
    await expect(authorizeClientAccess(ctx, 'casework').change(clientId, 'case:cases')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(ctx.access.entries).toEqual([{ clientId: clientId === A ? A : null, action: 'CHANGE', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' }]);
  });

  it('lets a benefits handler read basic details on their role, and nothing else', async () => {
    const ctx = contextFor(['BENEFITS_HANDLER'], {});
    const access = authorizeClientAccess(ctx, 'read');
    await access.read(A, 'case:client');
    await expect(access.read(A, 'case:cases')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => authorizeClientAccess(ctx, 'work')).toThrow();
    expect(ctx.access.entries).toEqual(
      expect.arrayContaining([
        { clientId: A, action: 'READ', categories: ['case:client'], basis: 'role:BENEFITS_HANDLER', outcome: 'ALLOWED' },
        { clientId: A, action: 'READ', categories: ['case:cases'], basis: 'no client relationship', outcome: 'REFUSED' },
      ]),
    );
  });

  it('filters a list to the related clients, keeps the first `limit` and records only what is shown', async () => {
    const ctx = contextFor(['SUPERVISOR'], { [A]: 'TEAM_SUPERVISOR', [C]: 'NAMED_WORKER' });
    const shown = await authorizeClientAccess(ctx, 'read').filter([{ id: B }, { id: A }, { id: C }], (item) => item.id, 'case:cases', { limit: 1 });
    expect(shown).toEqual([{ id: A }]);
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'READ', categories: ['case:cases'], basis: 'relationship:TEAM_SUPERVISOR', outcome: 'ALLOWED' }]);
  });

  it('records intake and registration as the basis of a change', () => {
    const ctx = contextFor(['CLIENT_ADVISOR'], {});
    const access = authorizeClientAccess(ctx, 'work');
    access.admitOn(A, 'intake');
    access.changed(A, 'case:cases');
    expect(ctx.access.entries).toEqual([{ clientId: A, action: 'CHANGE', categories: ['case:cases'], basis: 'intake', outcome: 'ALLOWED' }]);
  });
});
