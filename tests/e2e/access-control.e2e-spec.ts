import { signAccessToken, UserIdentity } from '@asw/auth';
import type { ServiceName } from '@asw/events';
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
