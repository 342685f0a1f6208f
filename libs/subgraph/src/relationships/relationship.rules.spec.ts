import type { UserIdentity } from '@asw/auth';
import { CaseRelationships, ClientRelationship, relationshipOf } from './relationship.rules';

const user = (userId: string, roles: UserIdentity['roles'], team = 'team-a'): UserIdentity => ({ kind: 'user', userId, roles, team, organisation: 'county' });
const kase = (overrides: Partial<CaseRelationships>): CaseRelationships => ({
  caseId: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-0000000000c1',
  team: 'team-a',
  open: true,
  namedWorker: 'named',
  coWorkers: ['co'],
  changedAt: '2026-11-25T10:00:00.000Z',
  ...overrides,
});

describe('relationshipOf', () => {
  const cases: Array<[string, UserIdentity, CaseRelationships[], ClientRelationship | null]> = [
    ['the named worker of an open case', user('named', ['SOCIAL_WORKER']), [kase({})], 'NAMED_WORKER'],
    ['a co-worker of an open case', user('co', ['SOCIAL_INSTRUCTOR']), [kase({})], 'CO_WORKER'],
    ['the named worker once the case is closed', user('named', ['SOCIAL_WORKER']), [kase({ open: false })], null],
    ['a co-worker once the case is closed', user('co', ['SOCIAL_INSTRUCTOR']), [kase({ open: false })], null],
    ['the supervisor of the case team', user('lead', ['SUPERVISOR']), [kase({})], 'TEAM_SUPERVISOR'],
    ['the supervisor of the team after closing', user('lead', ['SUPERVISOR']), [kase({ open: false })], 'TEAM_SUPERVISOR'],
    ['a supervisor of another team', user('lead', ['SUPERVISOR'], 'team-b'), [kase({})], null],
    ['a worker of the same team without a role on the case', user('other', ['SOCIAL_WORKER']), [kase({})], null],
    ['a non-supervisor whose id matches nothing', user('lead', ['SOCIAL_WORKER']), [kase({})], null],
    ['anyone, for a client without cases', user('named', ['SUPERVISOR']), [], null],
    ['the strongest across cases', user('named', ['SUPERVISOR']), [kase({ namedWorker: 'x', coWorkers: ['named'] }), kase({ caseId: '00000000-0000-4000-8000-000000000002' })], 'NAMED_WORKER'],
    ['named worker beats team supervisor on the same case', user('named', ['SUPERVISOR']), [kase({})], 'NAMED_WORKER'],
    ['co-worker on one open case though another is closed', user('co', ['SOCIAL_WORKER']), [kase({ open: false }), kase({ caseId: '00000000-0000-4000-8000-000000000002', namedWorker: null })], 'CO_WORKER'],
  ];

  it.each(cases)('%s', (_name, caller, clientCases, expected) => {
    expect(relationshipOf(caller, clientCases)).toBe(expected);
  });
});
