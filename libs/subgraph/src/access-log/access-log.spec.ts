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
  it('keeps each distinct entry once, with categories sorted and ids lower-cased', () => {
    const recorder = new AccessRecorder();
    recorder.read('AAAAAAAA-0000-4000-8000-000000000000', ['case:b', 'case:a'], 'role:SOCIAL_WORKER');
    recorder.read('aaaaaaaa-0000-4000-8000-000000000000', ['case:a', 'case:b', 'case:a'], 'role:SOCIAL_WORKER');
    recorder.changed('aaaaaaaa-0000-4000-8000-000000000000', ['case:a'], 'role:SOCIAL_WORKER');
    recorder.refused(null, 'READ', ['case'], 'needs AUDITOR');
    expect(recorder.entries).toEqual([
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'READ', categories: ['case:a', 'case:b'], basis: 'role:SOCIAL_WORKER', outcome: 'ALLOWED' },
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000000', action: 'CHANGE', categories: ['case:a'], basis: 'role:SOCIAL_WORKER', outcome: 'ALLOWED' },
      { clientId: null, action: 'READ', categories: ['case'], basis: 'needs AUDITOR', outcome: 'REFUSED' },
    ]);
  });
});
