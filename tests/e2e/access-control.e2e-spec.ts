import { signAccessToken, UserIdentity } from '@asw/auth';
import type { ServiceName } from '@asw/events';
import { addDays, todayInFinland } from '@asw/calendar';
import { eventually, gatewayHeaders, postGraphQL, TEST_WORKER } from '@asw/testing';
import { caseWithGrantedDecision, ok, registerClient, testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph, TEST_AUTH } from '../support/graph.harness';
import { LIBRARY_TABLE_RETENTION, RETENTION_CLASSES, RetentionClass } from '@asw/subgraph';
import { BENEFITS_HANDLING_RETENTION } from '../../services/benefits-handling/src/retention';
import { CASE_RETENTION } from '../../services/case/src/retention';
import { GROUP_ACTIVITY_RETENTION } from '../../services/group-activity/src/retention';
import { HOUSING_SUPPORT_RETENTION } from '../../services/housing-support/src/retention';

// Plain-language description: access-control.feature.md beside this file.
const OWN_WORKER = TEST_WORKER as UserIdentity;
const OUTSIDER: UserIdentity = { kind: 'user', userId: 'outsider-worker-1', roles: ['SOCIAL_WORKER'], team: 'team-elsewhere', organisation: 'test-county' };
const SUPERVISOR: UserIdentity = { kind: 'user', userId: 'team-lead-1', roles: ['SUPERVISOR'], team: OWN_WORKER.team, organisation: 'test-county' };

const CLIENT = `query Client($id: ID!) { client(id: $id) { id firstName lastName } }`;
const RECORD_CONTACT = `mutation RecordContact($input: RecordContactInput!) { recordContact(input: $input) { id } }`;
const SEARCH = `query Search($search: String!) { clients(search: $search, first: 50) { edges { node { id } } } }`;
const HOUSING_OF_CLIENT = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Client { housingSupport { id } } } }`;

describe('access control: an attack suite through the real gateway and subgraphs', () => {
  let graph: RunningGraph;
  let own: string;
  let outsider: string;
  let supervisor: string;
  let clientId: string;

  const count = async (service: ServiceName, sql: string, params: unknown[] = []) => Number((await graph.subgraphs[service].dataSource.query(sql, params))[0].n);
  const refusals = (service: ServiceName, actorId: string, clientId: string | null) =>
    graph.subgraphs[service].dataSource.query(
      `SELECT action, outcome, basis, categories FROM access_log WHERE actor_id = $1 AND client_id IS NOT DISTINCT FROM $2 AND outcome = 'REFUSED' ORDER BY id`,
      [actorId, clientId],
    );

  beforeAll(async () => {
    graph = await startGraph();
    [own, outsider, supervisor] = await Promise.all([graph.token(OWN_WORKER), graph.token(OUTSIDER), graph.token(SUPERVISOR)]);
    clientId = await registerClient(graph, own, testIdentityCode('010190', 951), { firstName: 'Ilona', lastName: 'Suojattu' });
    await ok(graph, `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'PHONE' } }, own);
  });
  afterAll(() => graph?.close());

  describe('authentication', () => {
    const otherKey = { ...TEST_AUTH, jwtSecret: 'not-the-gateway-s-user-token-secret-0123456789' };
    const cases: Array<[string, () => Promise<string | undefined>]> = [
      ['no token', async () => undefined],
      ['an expired token', () => signAccessToken(OWN_WORKER, TEST_AUTH, -120)],
      ['a token with a wrong signature', () => signAccessToken(OWN_WORKER, otherKey, 600)],
      ['a token for another audience', () => signAccessToken(OWN_WORKER, { ...TEST_AUTH, audience: 'some-other-api' }, 600)],
      ['a token from another issuer', () => signAccessToken(OWN_WORKER, { ...TEST_AUTH, issuer: 'https://evil.invalid' }, 600)],
    ];

    it.each(cases)('refuses %s: UNAUTHENTICATED (401), nothing returned or written, the refusal in the gateway log', async (_label, tokenOf) => {
      const token = await tokenOf();
      const clientsBefore = await count('case', `SELECT count(*) AS n FROM client`);
      const response = await graph.post(
        JSON.stringify({ query: `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, variables: { input: { personalIdentityCode: testIdentityCode('010190', 952), firstName: 'A', lastName: 'B', municipalityCode: '398', preferredLanguage: 'FI' } } }),
        token,
      );
      expect(response.status).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
      expect(await count('case', `SELECT count(*) AS n FROM client`)).toBe(clientsBefore);
      await eventually(async () => expect(graph.process.log()).toMatch(/refused: not authenticated/));
      if (token) expect(graph.process.log()).not.toContain(token);
    });
  });

  describe('a worker without a client relationship', () => {
    it('is refused the client by query: FORBIDDEN, nothing returned, the refusal logged', async () => {
      expect((await graph.request(CLIENT, { id: clientId }, own)).data.client.lastName).toBe('Suojattu');

      const response = await graph.request(CLIENT, { id: clientId }, outsider);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data?.client ?? null).toBeNull();
      expect(JSON.stringify(response)).not.toContain('Suojattu');
      expect(await refusals('case', OUTSIDER.userId, clientId)).toContainEqual(expect.objectContaining({ action: 'READ', outcome: 'REFUSED' }));
    });

    it('is refused a change through an id in a mutation, and nothing is written', async () => {
      const contactsBefore = await count('case', `SELECT count(*) AS n FROM contact WHERE client_id = $1`, [clientId]);
      const response = await graph.request(RECORD_CONTACT, { input: { clientId, type: 'PHONE', occurredOn: new Date().toISOString().slice(0, 10), durationMinutes: 10 } }, outsider);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
      expect(await count('case', `SELECT count(*) AS n FROM contact WHERE client_id = $1`, [clientId])).toBe(contactsBefore);
      expect(await refusals('case', OUTSIDER.userId, clientId)).toContainEqual(expect.objectContaining({ action: 'CHANGE', outcome: 'REFUSED' }));
    });

    it('does not find the client in a list, while the team supervisor does', async () => {
      const found = async (token: string) => (await ok(graph, SEARCH, { search: 'Suojattu' }, token)).clients.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(await found(own)).toContain(clientId);
      expect(await found(supervisor)).toContain(clientId);
      expect(await found(outsider)).not.toContain(clientId);
    });

    it('is refused the client through _entities, called on a subgraph directly with a valid gateway identity', async () => {
      const housing = graph.subgraphs['housing-support'];
      const representations = [{ __typename: 'Client', id: clientId }];
      // The relationship reaches housing-support by CaseRelationshipsChanged; the related worker is admitted.
      await eventually(async () => {
        const allowed = await postGraphQL(housing.url, HOUSING_OF_CLIENT, { representations }, await gatewayHeaders(OWN_WORKER));
        expect(allowed.errors).toBeUndefined();
        expect(allowed.data!._entities).toEqual([{ housingSupport: [] }]);
      });
      const refused = await postGraphQL(housing.url, HOUSING_OF_CLIENT, { representations }, await gatewayHeaders(OUTSIDER));
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?._entities?.[0]?.housingSupport ?? null).toBeNull();
      expect(await refusals('housing-support', OUTSIDER.userId, clientId)).toContainEqual(expect.objectContaining({ action: 'READ', outcome: 'REFUSED', basis: 'no client relationship' }));
    });

    it('is refused the client’s data in the other subgraphs through the gateway, field by field', async () => {
      const response = await graph.request(`query($id: ID!) { client(id: $id) { id housingSupport { id } incomeSupportApplications { id } groupEnrollments { id } } }`, { id: clientId }, outsider);
      expect(response.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
      expect(response.data?.client ?? null).toBeNull();
    });
  });

  describe('a direct call to a subgraph without the gateway’s identity', () => {
    const documents = [
      ['_service', `{ _service { sdl } }`, {}],
      ['_entities', HOUSING_OF_CLIENT, { representations: [{ __typename: 'Client', id: '00000000-0000-4000-8000-000000000001' }] }],
      ['a query', `{ __typename }`, {}],
    ] as const;

    it.each(documents)('is refused (%s): UNAUTHENTICATED, nothing returned, the refusal in the subgraph log', async (_label, query, variables) => {
      const housing = graph.subgraphs['housing-support'];
      for (const headers of [{}, await gatewayHeaders(OWN_WORKER, 'a-secret-that-is-not-the-gateway-s-0123456789')]) {
        const response = await postGraphQL(housing.url, query, variables, headers);
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(response.data ?? null).toBeNull();
      }
      await eventually(() => expect(housing.process.log()).toMatch(/refused: no valid gateway identity/));
    });
  });

  describe('access that cannot be self-granted (issue #13 part B)', () => {
    const INTRUDER: UserIdentity = { kind: 'user', userId: 'intruder-1', roles: ['SOCIAL_WORKER'], team: 'team-intruder', organisation: 'test-county' };
    const INTRUDER_LEAD: UserIdentity = { kind: 'user', userId: 'intruder-lead', roles: ['SUPERVISOR'], team: 'team-intruder', organisation: 'test-county' };
    const HANDLER: UserIdentity = { kind: 'user', userId: 'handler-ac-1', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely-ac', organisation: 'test-county' };
    const AUDITOR: UserIdentity = { kind: 'user', userId: 'auditor-ac-1', roles: ['AUDITOR'], team: 'audit', organisation: 'test-county' };
    const code = testIdentityCode('020290', 961);
    const REGISTER = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`;
    const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
    const RECORD = `mutation($input: RecordContactInput!) { recordContact(input: $input) { id } }`;
    const today = () => new Date().toISOString().slice(0, 10);
    let victim: string;
    let ownCaseId: string;
    let intruder: string;
    let auditor: string;
    const startedAt = new Date(Date.now() - 60_000).toISOString();

    beforeAll(async () => {
      [intruder, auditor] = await Promise.all([graph.token(INTRUDER), graph.token(AUDITOR)]);
      victim = await registerClient(graph, own, code, { firstName: 'Varpu', lastName: 'Valvottu' });
      ownCaseId = (await ok(graph, OPEN, { input: { clientId: victim, initiationChannel: 'PHONE' } }, own)).openCase.id;
      await ok(graph, RECORD, { input: { clientId: victim, type: 'PHONE', occurredOn: today(), durationMinutes: 15 } }, own);
    });

    it('a duplicate registration by a worker without a relationship names no client id: an intake reference instead, logged; the intake team resolves it', async () => {
      const clientsBefore = await count('case', `SELECT count(*) AS n FROM client`);
      const response = await graph.request(REGISTER, { input: { personalIdentityCode: code, firstName: 'X', lastName: 'Y', municipalityCode: '398', preferredLanguage: 'FI' } }, intruder);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLIENT_ALREADY_REGISTERED', intakeReference: expect.stringMatching(/^INT-/) } });
      expect(JSON.stringify(response)).not.toContain(victim);
      expect(response.data?.registerClient ?? null).toBeNull();
      expect(await count('case', `SELECT count(*) AS n FROM client`)).toBe(clientsBefore);
      const reference = (response.errors![0].extensions as any).details.intakeReference as string;
      expect(await refusals('case', INTRUDER.userId, victim)).toContainEqual({ action: 'CHANGE', outcome: 'REFUSED', basis: `duplicate registration: intake reference ${reference}`, categories: ['case:client'] });
      // The worker's own team lead resolves it; another team's lead is answered as for an unknown reference.
      const RESOLVE = `query($reference: String!) { intakeReference(reference: $reference) { clientId requestedBy } }`;
      expect((await ok(graph, RESOLVE, { reference }, await graph.token(INTRUDER_LEAD))).intakeReference).toEqual({ clientId: victim, requestedBy: INTRUDER.userId });
      for (const ref of [reference, 'INT-UNKNOWN000']) {
        const refused = await graph.request(RESOLVE, { reference: ref }, supervisor);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
        expect(refused.data?.intakeReference ?? null).toBeNull();
      }
    });

    it('opening a case makes the opener a worker on that case only: not the other cases, contacts, plans, measurements or other services’ records; naming themselves named worker changes nothing', async () => {
      const intruderCase = (await ok(graph, OPEN, { input: { clientId: victim, initiationChannel: 'VISIT', serviceTask: 'HOUSING_SUPPORT_WORK' } }, intruder)).openCase.id as string;
      const intruderWorker = (await ok(graph, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, { input: { userId: INTRUDER.userId, name: 'Iiro Tunkeilija', role: 'SOCIAL_WORKER', team: INTRUDER.team } }, await graph.token(INTRUDER_LEAD))).registerWorker.id;
      await ok(graph, `mutation($caseId: ID!, $workerId: ID!) { assignResponsibleWorker(caseId: $caseId, workerId: $workerId) { id } }`, { caseId: intruderCase, workerId: intruderWorker }, intruder);
      await eventually(async () => expect(await count('housing-support', `SELECT count(*) AS n FROM case_relationships WHERE case_id = $1 AND named_worker = $2`, [intruderCase, INTRUDER.userId])).toBe(1));

      const response = await graph.request(
        `query($id: ID!) { client(id: $id) { firstName cases { id } contacts { id } eurohisMeasurements { id } housingSupport { id } groupEnrollments { id } } }`,
        { id: victim },
        intruder,
      );
      // The basic details and their own case; each other field refused on its own path (issue #15).
      expect(response.data?.client).toEqual({ firstName: 'Varpu', cases: [{ id: intruderCase }], contacts: null, eurohisMeasurements: null, housingSupport: null, groupEnrollments: null });
      const refusedPaths = (response.errors ?? []).map((error) => [error.extensions?.code, (error.path ?? []).join('.')]);
      expect(refusedPaths).toEqual(expect.arrayContaining([['FORBIDDEN', 'client.contacts'], ['FORBIDDEN', 'client.eurohisMeasurements'], ['FORBIDDEN', 'client.housingSupport'], ['FORBIDDEN', 'client.groupEnrollments']]));
      // The other team's case, by id and by change: as unknown.
      const other = await graph.request(`query($id: ID!) { case(id: $id) { id status } }`, { id: ownCaseId }, intruder);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
      // A contact on the client is a client-wide record: refused, nothing written.
      const contactsBefore = await count('case', `SELECT count(*) AS n FROM contact WHERE client_id = $1`, [victim]);
      expect((await graph.request(RECORD, { input: { clientId: victim, type: 'PHONE', occurredOn: today(), durationMinutes: 5 } }, intruder)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count('case', `SELECT count(*) AS n FROM contact WHERE client_id = $1`, [victim])).toBe(contactsBefore);
      // The intruder's own team lead: that case, not the rest.
      const lead = await graph.request(`query($id: ID!) { client(id: $id) { cases { id } contacts { id } } }`, { id: victim }, await graph.token(INTRUDER_LEAD));
      expect(lead.data?.client).toEqual({ cases: [{ id: intruderCase }], contacts: null });
      // The client's own worker still sees everything.
      expect((await ok(graph, `query($id: ID!) { client(id: $id) { cases { id } contacts { id } } }`, { id: victim }, own)).client.cases).toHaveLength(2);
      expect(await refusals('case', INTRUDER.userId, victim)).toContainEqual(expect.objectContaining({ action: 'READ', outcome: 'REFUSED', categories: ['case:contacts'] }));
    });

    it('access with justification: a reason from the fixed list and free text, at most 24 h, logged on its reason in every service, a category of its own for auditors', async () => {
      const GRANT = `mutation($input: AccessWithJustificationInput!) { accessClientWithJustification(input: $input) { id reason expiresAt } }`;
      const OUTSIDER_READ = `query($id: ID!) { client(id: $id) { contacts { id } housingSupport { id } } }`;
      expect((await graph.request(OUTSIDER_READ, { id: victim }, outsider)).data?.client?.contacts ?? null).toBeNull();
      // Bad input: a clear error, nothing granted.
      const grantsBefore = await count('case', `SELECT count(*) AS n FROM justified_access_grant`);
      const tooLong = await graph.request(GRANT, { input: { clientId: victim, reason: 'COVERING_ABSENT_WORKER', justification: 'Covering the named worker, urgent rent matter', hours: 72 } }, outsider);
      expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'JUSTIFIED_ACCESS_TOO_LONG', field: 'input.hours' } });
      expect((await graph.request(GRANT, { input: { clientId: victim, reason: 'CURIOSITY', justification: 'just looking around here' } }, outsider)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count('case', `SELECT count(*) AS n FROM justified_access_grant`)).toBe(grantsBefore);
      // An unknown client id answers exactly as a client out of reach does (no enumeration), nothing granted, the refusal on record.
      const answer = (response: any) => ({ message: response.errors?.[0].message, extensions: response.errors?.[0].extensions });
      const unknownGrant = await graph.request(GRANT, { input: { clientId: '00000000-0000-4000-8000-00000000f00d', reason: 'COVERING_ABSENT_WORKER', justification: 'Covering the named worker, urgent rent matter' } }, outsider);
      expect(unknownGrant.data ?? null).toBeNull();
      expect(answer(unknownGrant)).toEqual(answer(await graph.request(CLIENT, { id: victim }, outsider)));
      expect(answer(unknownGrant).extensions).toEqual({ code: 'FORBIDDEN', details: { reason: 'NO_CLIENT_RELATIONSHIP' } });
      expect(await count('case', `SELECT count(*) AS n FROM justified_access_grant`)).toBe(grantsBefore);
      expect(await refusals('case', OUTSIDER.userId, null)).toContainEqual({ action: 'CHANGE', outcome: 'REFUSED', basis: 'no client relationship', categories: ['case:justifiedAccess'] });

      const granted = (await ok(graph, GRANT, { input: { clientId: victim, reason: 'COVERING_ABSENT_WORKER', justification: 'Covering the named worker, urgent rent matter', hours: 2 } }, outsider)).accessClientWithJustification;
      expect(granted.reason).toBe('COVERING_ABSENT_WORKER');
      expect(new Date(granted.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
      await eventually(async () => {
        const read = await graph.request(OUTSIDER_READ, { id: victim }, outsider);
        expect(read.errors).toBeUndefined();
        expect(read.data.client.contacts.length).toBeGreaterThan(0);
      });
      for (const service of ['case', 'housing-support'] as const) {
        const [row] = await graph.subgraphs[service].dataSource.query(`SELECT basis FROM access_log WHERE actor_id = $1 AND client_id = $2 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1`, [OUTSIDER.userId, victim]);
        expect({ service, basis: row?.basis }).toEqual({ service, basis: 'justified:COVERING_ABSENT_WORKER' });
      }
      // Auditors: a category of its own in the client's report, and every grant for review.
      const to = new Date(Date.now() + 60_000).toISOString();
      const report = await ok(graph, `query($id: ID!, $from: DateTime!, $to: DateTime!) { clientAccessReport(clientId: $id, from: $from, to: $to) { justifiedAccesses { actorId reason justification } } }`, { id: victim, from: startedAt, to }, auditor);
      expect(report.clientAccessReport.justifiedAccesses).toEqual([{ actorId: OUTSIDER.userId, reason: 'COVERING_ABSENT_WORKER', justification: 'Covering the named worker, urgent rent matter' }]);
      const review = await ok(graph, `query($from: DateTime!, $to: DateTime!, $actor: String) { justifiedAccesses(from: $from, to: $to, actorId: $actor) { clientId reason } }`, { from: startedAt, to, actor: OUTSIDER.userId }, auditor);
      expect(review.justifiedAccesses).toEqual([{ clientId: victim, reason: 'COVERING_ABSENT_WORKER' }]);
      expect((await graph.request(`query($from: DateTime!, $to: DateTime!) { justifiedAccesses(from: $from, to: $to) { id } }`, { from: startedAt, to }, outsider)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('a benefits handler reads a client’s basic details only with an application in the team’s queue, and then gets them and the applications with FORBIDDEN on housingSupport’s path alone', async () => {
      const handler = await graph.token(HANDLER);
      const OVERVIEW = `query($id: ID!) { client(id: $id) { firstName incomeSupportApplications { id } housingSupport { id } } }`;
      const before = await graph.request(OVERVIEW, { id: victim }, handler);
      expect(before.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(before.data ?? null)).not.toContain('Varpu');
      expect(await refusals('case', HANDLER.userId, victim)).toContainEqual(expect.objectContaining({ action: 'READ', outcome: 'REFUSED', categories: ['case:client'] }));
      const registered = await eventually(() => ok(
        graph,
        `mutation($input: RegisterIncomeSupportApplicationInput!) { registerIncomeSupportApplication(input: $input) { id } }`,
        { input: { clientId: victim, kind: 'SUPPLEMENTARY', channel: 'PAPER', receivedOn: todayInFinland(), expenses: [{ expenseType: 'RENT', claimedCents: 30_000 }] } },
        handler,
      ));
      await eventually(async () => {
        const overview = await graph.request(OVERVIEW, { id: victim }, handler);
        expect(overview.data?.client).toEqual({ firstName: 'Varpu', incomeSupportApplications: [{ id: registered.registerIncomeSupportApplication.id }], housingSupport: null });
        expect(overview.errors?.map((error) => [error.extensions?.code, (error.path ?? []).join('.')])).toEqual([['FORBIDDEN', 'client.housingSupport']]);
      });
    });

    it('group takeover: only the group’s own team (its facilitators and that team’s supervisor) changes a group; an unknown group answers the same', async () => {
      const { createRehabilitationGroup: group } = await ok(
        graph,
        `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id } }`,
        {
          input: {
            name: 'Etäryhmä', kind: 'REMOTE_PERIOD', capacity: 5, startsOn: todayInFinland(), endsOn: addDays(todayInFinland(), 70), startTime: '10:00', durationMinutes: 60,
            themes: ['GETTING_TO_KNOW_SERVICES'], sessionCount: 10, meetingUrl: 'https://meet.example.fi/etaryhma', facilitatorIds: [OWN_WORKER.userId],
          },
        },
        own,
      );
      const SET = `mutation($input: SetGroupFacilitatorsInput!) { setGroupFacilitators(input: $input) { facilitatorIds } }`;
      const CAPACITY = `mutation($input: ChangeGroupCapacityInput!) { changeGroupCapacity(input: $input) { capacity } }`;
      const answers = [];
      for (const [query, input] of [
        [SET, { groupId: group.id, facilitatorIds: [OUTSIDER.userId] }],
        [CAPACITY, { groupId: group.id, capacity: 50 }],
        [SET, { groupId: '00000000-0000-4000-8000-00000000dead', facilitatorIds: [OUTSIDER.userId] }],
      ] as const) {
        const response = await graph.request(query, { input }, outsider);
        expect(response.data ?? null).toBeNull();
        answers.push({ message: response.errors?.[0].message, extensions: response.errors?.[0].extensions });
      }
      expect(answers[0]).toEqual({ message: 'Only the group’s own team (its facilitators and that team’s supervisor) may change the group', extensions: { code: 'FORBIDDEN', details: { reason: 'NO_ACCESS_BASIS' } } });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      // A group is no client: the three refusals are on record without one (not under the group's id), where the auditor looks.
      expect(await graph.subgraphs['group-activity'].dataSource.query(`SELECT count(*)::int AS n FROM access_log WHERE client_id = $1`, [group.id])).toEqual([{ n: 0 }]);
      const to = new Date(Date.now() + 60_000).toISOString();
      const report = await ok(
        graph,
        `query($from: DateTime!, $to: DateTime!, $actor: String) { accessRefusals(from: $from, to: $to, actorId: $actor) { groupActivity { actorId action categories basis outcome } } }`,
        { from: startedAt, to, actor: OUTSIDER.userId },
        auditor,
      );
      const takeovers = report.accessRefusals.groupActivity.filter((entry: { categories: string[] }) => entry.categories.includes('group-activity:groups'));
      expect(takeovers).toEqual(Array(3).fill({ actorId: OUTSIDER.userId, action: 'CHANGE', categories: ['group-activity:groups'], basis: 'no basis: needs groupTeam', outcome: 'REFUSED' }));
      const [row] = await graph.subgraphs['group-activity'].dataSource.query(`SELECT facilitator_ids, capacity FROM rehabilitation_group WHERE id = $1`, [group.id]);
      expect(row).toEqual({ facilitator_ids: [OWN_WORKER.userId], capacity: 5 });
      expect((await ok(graph, SET, { input: { groupId: group.id, facilitatorIds: [OWN_WORKER.userId, 'nurse-ac'] } }, own)).setGroupFacilitators.facilitatorIds).toEqual([OWN_WORKER.userId, 'nurse-ac']);
    });

    it('enumeration: in every service an id that exists but is forbidden answers exactly like an unknown one; the auditor sees the refusals without a client by actor and period', async () => {
      // Something to probe in every service: a housing support period (from a granted decision) and another team's group.
      const housed = await registerClient(graph, own, testIdentityCode('030390', 962), { firstName: 'Hilja', lastName: 'Asuja' });
      await caseWithGrantedDecision(graph, own, housed, { serviceType: 'HOUSING_SUPPORT', summary: 'Asumisen tuen tarve.', supportNeeds: ['HOUSING'], reasoning: 'Tarve tuetulle asumiselle.', validFrom: addDays(todayInFinland(), -14) }, 20);
      const period = await eventually(async () => {
        const [row] = await graph.subgraphs['housing-support'].dataSource.query(`SELECT id FROM housing_support_period WHERE client_id = $1`, [housed]);
        expect(row).toBeDefined();
        return row.id as string;
      });
      const { createRehabilitationGroup: group } = await ok(
        graph,
        `mutation($input: CreateRehabilitationGroupInput!) { createRehabilitationGroup(input: $input) { id } }`,
        {
          input: {
            name: 'Lähiryhmä', kind: 'REMOTE_PERIOD', capacity: 6, startsOn: todayInFinland(), endsOn: addDays(todayInFinland(), 70), startTime: '12:00', durationMinutes: 60,
            themes: ['GETTING_TO_KNOW_SERVICES'], sessionCount: 10, meetingUrl: 'https://meet.example.fi/lahiryhma', facilitatorIds: [OWN_WORKER.userId],
          },
        },
        own,
      );
      const application = (await graph.subgraphs['benefits-handling'].dataSource.query(`SELECT id FROM income_support_application WHERE client_id = $1 LIMIT 1`, [victim]))[0]?.id;
      const unknown = '00000000-0000-4000-8000-00000000beef';
      const PROBER: UserIdentity = { kind: 'user', userId: 'prober-1', roles: ['SOCIAL_WORKER'], team: 'team-prober', organisation: 'test-county' };
      const prober = await graph.token(PROBER);
      const probes: Array<[string, string, string | undefined]> = [
        ['case', `query($id: ID!) { case(id: $id) { id } }`, ownCaseId],
        ['client', `query($id: ID!) { client(id: $id) { id } }`, victim],
        ['benefits-handling', `query($id: ID!) { incomeSupportApplication(id: $id) { id } }`, application],
        ['housing-support', `query($id: ID!) { housingSupportPeriod(id: $id) { id } }`, period],
        ['group-activity', `mutation($id: ID!) { changeGroupCapacity(input: { groupId: $id, capacity: 7 }) { capacity } }`, group.id],
      ];
      for (const [label, query, existing] of probes) {
        expect({ label, existing: Boolean(existing) }).toEqual({ label, existing: true });
        const shape = (response: any) => ({ data: response.data, errors: response.errors?.map((error: any) => ({ message: error.message, extensions: error.extensions })) });
        const [known, missing] = [await graph.request(query, { id: existing }, prober), await graph.request(query, { id: unknown }, prober)];
        expect({ label, answer: shape(known) }).toEqual({ label, answer: shape(missing) });
        expect(known.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const to = new Date(Date.now() + 60_000).toISOString();
      const REFUSALS = `query($from: DateTime!, $to: DateTime!, $actor: String) { accessRefusals(from: $from, to: $to, actorId: $actor) { case { actorId outcome } housingSupport { actorId } benefitsHandling { actorId } groupActivity { actorId } } }`;
      // The unknown ids' refusals carry no client: the auditor finds them by actor and period.
      const report = await eventually(async () => {
        const found = (await ok(graph, REFUSALS, { from: startedAt, to, actor: PROBER.userId }, auditor)).accessRefusals;
        expect(found.case.length).toBeGreaterThanOrEqual(1); // case(id) of an unknown case (an unknown client id is logged under that id)
        expect(found.benefitsHandling.length).toBeGreaterThanOrEqual(1);
        expect(found.housingSupport.length).toBeGreaterThanOrEqual(1);
        expect(found.groupActivity.length).toBeGreaterThanOrEqual(2); // the group is no client: the known group's refusal too
        return found;
      });
      expect([...report.case, ...report.benefitsHandling, ...report.housingSupport, ...report.groupActivity].every((entry: { actorId: string; outcome?: string }) => entry.actorId === PROBER.userId)).toBe(true);
      expect((await graph.request(REFUSALS, { from: startedAt, to, actor: null }, intruder)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('stores injection-like strings verbatim and runs none of them', async () => {
    const names = { firstName: `D'Arcy`, lastName: `O'Brien-Ääpelä` };
    const summary = `Robert'); DROP TABLE client; -- <script>alert(1)</script> \${jndi:ldap://x} {{7*7}} {"$where": "1 == 1"}`;
    const id = await registerClient(graph, own, testIdentityCode('010190', 953), names);
    const caseId = await caseWithGrantedDecision(graph, own, id, { serviceType: 'SOCIAL_REHABILITATION', summary, supportNeeds: ['SOCIAL_RELATIONSHIPS'], reasoning: summary, clientGoals: [summary] });
    const read = await ok(graph, `query($id: ID!, $caseId: ID!) { client(id: $id) { firstName lastName } case(id: $caseId) { assessment { summary } } }`, { id, caseId }, own);
    expect(read).toEqual({ client: names, case: { assessment: { summary } } });
    expect(await count('case', `SELECT count(*) AS n FROM client`)).toBeGreaterThanOrEqual(2);
  });

  it('knows how long every table of every service is kept: a retention class per record type, ready for a purge job', async () => {
    const retention: Record<ServiceName, Record<string, RetentionClass>> = {
      case: CASE_RETENTION,
      'housing-support': HOUSING_SUPPORT_RETENTION,
      'benefits-handling': BENEFITS_HANDLING_RETENTION,
      'group-activity': GROUP_ACTIVITY_RETENTION,
    };
    for (const [service, own] of Object.entries(retention) as Array<[ServiceName, Record<string, RetentionClass>]>) {
      const tables: Array<{ table_name: string }> = await graph.subgraphs[service].dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      );
      const classes = { ...LIBRARY_TABLE_RETENTION, ...own };
      const unclassified = tables.map((row) => row.table_name).filter((table) => !(table in classes));
      expect({ service, unclassified }).toEqual({ service, unclassified: [] });
      // Nothing classified that does not exist: the map stays true as tables come and go.
      const absent = Object.keys(own).filter((table) => !tables.some((row) => row.table_name === table));
      expect({ service, absent }).toEqual({ service, absent: [] });
      for (const retentionClass of Object.values(classes)) expect(RETENTION_CLASSES[retentionClass]).toBeDefined();
    }
  });
});
