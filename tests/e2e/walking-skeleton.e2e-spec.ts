import type { ServiceName } from '@asw/events';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { findPersonalIdentityCodes } from '@asw/personal-identity-code';
import { eventually, TEST_WORKER } from '@asw/testing';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: walking-skeleton.feature.md beside this file.
describe('walking skeleton: one graph over four services', () => {
  let graph: RunningGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startGraph();
    token = await graph.token(TEST_WORKER);
  });
  afterAll(() => graph?.close());

  const REGISTER = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id registeredAt } }`;
  // Temporary-range codes (individual number 900–999): valid, and nobody's real identity code.
  let individual = 900;
  const registration = (firstName: string, lastName: string) => {
    const number = String(individual++);
    return { personalIdentityCode: `130585-${number}${personalIdentityCodeCheckCharacter('130585', number)}`, firstName, lastName, municipalityCode: '398', preferredLanguage: 'FI' };
  };
  const CLIENT_EVERYWHERE = `query($id: ID!) {
    client(id: $id) {
      id firstName lastName registeredAt
      housingSupport { id status }
      incomeSupportApplications { id kind status }
      rehabilitationEligibility { eligible reason clientKnownSince }
    }
  }`;
  const rows = async (service: ServiceName, table: string) =>
    Number((await graph.subgraphs[service].dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('registers a client and answers one query with fields from all four subgraphs, after ClientRegistered reached group-activity', async () => {
    const registered = await graph.request(REGISTER, { input: registration('Aino', 'Virtanen') }, token);
    expect(registered.errors).toBeUndefined();
    const { id, registeredAt } = registered.data.registerClient;
    // Whoever opens the case works on it: the client relationship each service checks before answering.
    const opened = await graph.request(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId: id, initiationChannel: 'APPLICATION' } }, token);
    expect(opened.errors).toBeUndefined();

    const client = await eventually(async () => {
      const response = await graph.request(CLIENT_EVERYWHERE, { id }, token);
      expect(response.errors).toBeUndefined();
      expect(response.data.client.rehabilitationEligibility.clientKnownSince).not.toBeNull();
      return response.data.client;
    });
    expect(client).toEqual({
      id,
      firstName: 'Aino',
      lastName: 'Virtanen',
      registeredAt,
      housingSupport: [],
      incomeSupportApplications: [],
      rehabilitationEligibility: { eligible: false, reason: 'NO_ACTIVE_DECISION', clientKnownSince: registeredAt },
    });
    const [readModel] = await graph.subgraphs['group-activity'].dataSource.query(`SELECT client_id FROM known_client WHERE client_id = $1`, [id]);
    expect(readModel).toEqual({ client_id: id });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('refuses a request with %s: UNAUTHENTICATED, nothing written', async (_label, badToken) => {
    const before = await rows('case', 'client');
    const response = await graph.request(REGISTER, { input: registration('Matti', 'Korhonen') }, badToken);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.registerClient).toBeUndefined();
    expect(await rows('case', 'client')).toBe(before);
  });

  it('refuses an expired token', async () => {
    const expired = await graph.token(TEST_WORKER, -60);
    const response = await graph.request(CLIENT_EVERYWHERE, { id: '00000000-0000-4000-8000-000000000000' }, expired);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a registration with an empty name with BAD_USER_INPUT and writes nothing, no client and no event', async () => {
    const before = { clients: await rows('case', 'client'), outbox: await rows('case', 'outbox') };
    const response = await graph.request(REGISTER, { input: registration('', 'Virtanen') }, token);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ message: 'firstName must not be empty', extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at \w+ \(|INSERT|SELECT/);
    expect({ clients: await rows('case', 'client'), outbox: await rows('case', 'outbox') }).toEqual(before);
  });

  it('serves the GraphQL IDE and all its assets itself, with no address outside the gateway', async () => {
    const base = graph.url.replace(/\/graphql$/, '');
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/https?:\/\//);
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(['/ide/graphiql.css', '/ide/react.js', '/ide/react-dom.js', '/ide/graphiql.js']);
    for (const asset of assets) {
      const response = await fetch(`${base}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
  });

  // Runs last: everything the tests above made the graph write.
  it('leaves no personal identity code in any log line or Kafka message', async () => {
    const { logs, messages } = await graph.sweep();
    expect(messages.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
    expect(findPersonalIdentityCodes(logs)).toEqual([]);
    expect(messages.flatMap(findPersonalIdentityCodes)).toEqual([]);
  });
});
