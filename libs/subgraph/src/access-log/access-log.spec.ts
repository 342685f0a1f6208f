import { AccessRecorder, roleBasis } from './access-recorder';
import { callerOperationName } from './access-log.plugin';

describe('callerOperationName', () => {
  it.each([
    [undefined, '(anonymous)'],
    [null, '(anonymous)'],
    ['ClientOverview', 'ClientOverview'],
    ['ClientOverview__case__0', 'ClientOverview'],
    ['ClientOverview__housing_support__12', 'ClientOverview'],
    ['Weird__Name', 'Weird__Name'],
  ])('%s → %s', (name, expected) => {
    expect(callerOperationName(name)).toBe(expected);
  });
});

describe('roleBasis', () => {
  it.each([
    [{ kind: 'user' as const, userId: 'u', roles: ['SOCIAL_WORKER' as const], team: 't', organisation: 'o' }, 'role:SOCIAL_WORKER'],
    [{ kind: 'user' as const, userId: 'u', roles: ['SOCIAL_WORKER' as const, 'SUPERVISOR' as const], team: 't', organisation: 'o' }, 'role:SOCIAL_WORKER+SUPERVISOR'],
    [{ kind: 'partner' as const, partner: 'KELA' as const, clientId: 'c', organisation: 'Kela' }, 'partner:KELA'],
  ])('%j → %s', (identity, expected) => {
    expect(roleBasis(identity)).toBe(expected);
  });
});

describe('AccessRecorder', () => {
  const worker = { kind: 'user' as const, userId: 'u', roles: ['SOCIAL_WORKER' as const], team: 't', organisation: 'o' };

  it('qualifies categories with its service, takes the basis from the caller, and keeps each distinct entry once', () => {
    const recorder = new AccessRecorder('case', worker);
    recorder.read('AAAAAAAA-0000-4000-8000-000000000000', 'b', 'a');
    recorder.read('aaaaaaaa-0000-4000-8000-000000000000', 'a', 'case:b', 'a');
    recorder.changed('aaaaaaaa-0000-4000-8000-000000000000', 'a');
    recorder.refused(null, 'READ', 'needs AUDITOR');
    recorder.refused('aaaaaaaa-0000-4000-8000-000000000000', 'CHANGE', 'not on the case', 'cases');
    expect(recorder.entries).toEqual([
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'READ', categories: ['case:a', 'case:b'], basis: 'role:SOCIAL_WORKER', outcome: 'ALLOWED' },
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'CHANGE', categories: ['case:a'], basis: 'role:SOCIAL_WORKER', outcome: 'ALLOWED' },
      { clientId: null, action: 'READ', categories: ['case'], basis: 'needs AUDITOR', outcome: 'REFUSED' },
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'CHANGE', categories: ['case:cases'], basis: 'not on the case', outcome: 'REFUSED' },
    ]);
  });

  it('records a partner’s reads on the partner’s basis', () => {
    const recorder = new AccessRecorder('benefits-handling', { kind: 'partner', partner: 'KELA', clientId: 'c', organisation: 'Kela' });
    recorder.read('aaaaaaaa-0000-4000-8000-000000000000', 'kelaNotices');
    expect(recorder.entries).toEqual([{ clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'READ', categories: ['benefits-handling:kelaNotices'], basis: 'partner:KELA', outcome: 'ALLOWED' }]);
  });
});
