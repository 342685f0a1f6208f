import type { Identity } from '@asw/auth';
import { forbidden } from '@asw/platform';
import { AccessRecorder, GraphContext } from '@asw/subgraph';
import { authorizeClientWork, visibleInGroup } from './authorization';

const MINE = '11111111-1111-4111-8111-111111111111';
const OTHERS = '22222222-2222-4222-8222-222222222222';
const user = (userId: string, role = 'SOCIAL_INSTRUCTOR'): Identity => ({ kind: 'user', userId, roles: [role as never], team: 't', organisation: 'o' });

/** A request whose caller works on MINE's case only. */
function contextOf(identity: Identity): GraphContext {
  const access = new AccessRecorder('group-activity', identity);
  const related = (clientId: string) => clientId === MINE;
  const relationships = {
    of: async (clientId: string) => (related(clientId) ? 'CO_WORKER' : null),
    require: async (clientId: string, action: 'READ' | 'CHANGE', ...categories: string[]) => {
      if (!related(clientId)) {
        access.refused(clientId, action, 'no client relationship', ...categories);
        throw forbidden('You have no client relationship with this client');
      }
      access.admit(clientId, 'relationship:CO_WORKER');
      return 'CO_WORKER';
    },
    filter: async <T>(items: readonly T[], clientIdOf: (item: T) => string) => items.filter((item) => related(clientIdOf(item))),
  };
  return { identity, correlationId: 'c', loaders: {} as never, access, relationships: relationships as never, db: {} as never };
}

describe('group-activity authorization', () => {
  const group = { id: 'g-1', facilitatorIds: ['ohjaaja-1'] };
  const rows = [{ clientId: MINE }, { clientId: OTHERS }];

  it.each([
    { name: 'a facilitator of the group sees all its rows, on the facilitator basis', userId: 'ohjaaja-1', visible: [MINE, OTHERS], basis: 'facilitator:g-1' },
    { name: 'anyone else sees the clients they have a relationship with', userId: 'worker-1', visible: [MINE], basis: 'role:SOCIAL_INSTRUCTOR' },
  ])('$name', async ({ userId, visible, basis }) => {
    const ctx = contextOf(user(userId));
    expect((await visibleInGroup(ctx, group, rows)).map((row) => row.clientId)).toEqual(visible);
    ctx.access.read(OTHERS, 'groupEnrollments');
    expect(ctx.access.entries[0].basis).toBe(basis);
  });

  it('a client’s data needs the role first, then the relationship', async () => {
    await expect(authorizeClientWork(contextOf(user('w', 'BENEFITS_HANDLER')), MINE, 'CHANGE', 'groupEnrollments')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(authorizeClientWork(contextOf(user('w')), OTHERS, 'CHANGE', 'groupEnrollments')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(authorizeClientWork(contextOf(user('w')), MINE, 'CHANGE', 'groupEnrollments')).resolves.toMatchObject({ userId: 'w' });
  });
});
