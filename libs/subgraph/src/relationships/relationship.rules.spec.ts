import type { UserIdentity } from '@asw/auth';
import { caseRelationshipOf, CaseRelationships, ClientRelationship, openerIsCaseOnly, relationshipOf } from './relationship.rules';

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

// Issue #13 item 1 (Act 703/2023 §§ 5–6: access only as the task requires; SHL §34–35 intake by anyone):
// a case opened on intake only (clientWide false) opens that case, not the client's other records.
describe('a case opened on intake only', () => {
  const intake = kase({ caseId: '00000000-0000-4000-8000-000000000009', team: 'team-b', namedWorker: null, coWorkers: ['opener'], clientWide: false });
  const cases: Array<[string, UserIdentity, CaseRelationships[], ClientRelationship | null, ClientRelationship | null]> = [
    // [who, caller, client's cases, client-wide relationship, relationship on the intake case]
    ['its opener', user('opener', ['SOCIAL_WORKER'], 'team-b'), [kase({}), intake], null, 'CO_WORKER'],
    ['its team’s supervisor', user('lead-b', ['SUPERVISOR'], 'team-b'), [kase({}), intake], null, 'TEAM_SUPERVISOR'],
    ['the named worker of the ordinary case', user('named', ['SOCIAL_WORKER']), [kase({}), intake], 'NAMED_WORKER', null],
    ['its opener once an ordinary case names them too', user('opener', ['SOCIAL_WORKER'], 'team-b'), [kase({ coWorkers: ['opener'] }), intake], 'CO_WORKER', 'CO_WORKER'],
    ['its opener after a client-wide assignment (clientWide true)', user('opener', ['SOCIAL_WORKER'], 'team-b'), [kase({}), { ...intake, clientWide: true }], 'CO_WORKER', 'CO_WORKER'],
    ['an old snapshot without the flag counts client-wide', user('opener', ['SOCIAL_WORKER'], 'team-b'), [{ ...intake, clientWide: undefined }], 'CO_WORKER', 'CO_WORKER'],
  ];

  it.each(cases)('%s', (_name, caller, clientCases, wide, onCase) => {
    expect(relationshipOf(caller, clientCases)).toBe(wide);
    expect(caseRelationshipOf(caller, clientCases.find((c) => c.caseId === intake.caseId)!)).toBe(onCase);
  });
});

describe('openerIsCaseOnly', () => {
  it.each([
    ['a client without cases: the opener works on the whole (new) record', user('w', ['SOCIAL_WORKER']), [], false],
    ['a client with another team’s case and no relationship: that case only', user('w', ['SOCIAL_WORKER'], 'team-b'), [kase({})], true],
    ['a client with a case the opener is named on', user('named', ['SOCIAL_WORKER']), [kase({})], false],
    ['the supervisor of a team holding a case', user('lead', ['SUPERVISOR']), [kase({ open: false })], false],
    ['a supervisor of another team', user('lead', ['SUPERVISOR'], 'team-b'), [kase({})], true],
    ['a relationship only through an intake-only case does not count', user('opener', ['SOCIAL_WORKER'], 'team-b'), [kase({ coWorkers: ['opener'], clientWide: false })], true],
  ])('%s', (_name, opener, existing, expected) => {
    expect(openerIsCaseOnly(opener, existing)).toBe(expected);
  });
});
