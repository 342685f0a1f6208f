import { namePeople, roleTitle } from './access-log-people';

// 703/2023 11 §: the answer says who processed the data; people by name, title and organisation, not user ids.
const register = { query: async () => [{ user_id: 'worker-1', name: 'Sanna Sosiaalityöntekijä', role: 'SOCIAL_WORKER' }] };

describe('naming the people in an access-log answer', () => {
  it.each([
    ['SOCIAL_WORKER', 'FI', 'sosiaalityöntekijä'],
    ['SOCIAL_WORKER', 'SV', 'socialarbetare'],
    ['BENEFITS_HANDLER', 'FI', 'etuuskäsittelijä'],
    ['NOT_A_ROLE', 'FI', null],
  ] as const)('%s in %s is titled %p', (role, language, title) => {
    expect(roleTitle(role, language)).toBe(title);
  });

  it('names a registered worker from the register, an unregistered one by user id and logged role, a partner by its organisation', async () => {
    const people = await namePeople(
      register,
      [
        { actorKind: 'user', actorId: 'worker-1', actorRoles: ['SUPERVISOR'], organisation: 'test-county' },
        { actorKind: 'user', actorId: 'worker-2', actorRoles: ['PRACTICAL_NURSE'], organisation: 'test-county' },
        { actorKind: 'partner', actorId: 'kela-client', actorRoles: ['KELA'], organisation: 'kela' },
      ],
      'FI',
    );
    expect([...people.values()]).toEqual([
      // The register's role, not the token's, titles a registered worker.
      { actorId: 'worker-1', name: 'Sanna Sosiaalityöntekijä', title: 'sosiaalityöntekijä', organisation: 'test-county' },
      { actorId: 'worker-2', name: 'worker-2', title: 'lähihoitaja', organisation: 'test-county' },
      { actorId: 'kela-client', name: 'Kansaneläkelaitos (Kela)', title: null, organisation: 'kela' },
    ]);
  });
});
