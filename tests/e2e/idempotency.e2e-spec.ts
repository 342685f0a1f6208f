import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER, UserIdentity } from '@asw/auth';
import type { ServiceName } from '@asw/events';
import { postGraphQL, TEST_WORKER } from '@asw/testing';
import { testIdentityCode } from '../support/case-steps';
import { RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: idempotency.feature.md beside this file.
describe('a create mutation retried with the same Idempotency-Key acts once', () => {
  let graph: RunningGraph;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    graph = await startGraph();
    token = await graph.token(TEST_WORKER);
    otherToken = await graph.token({ ...(TEST_WORKER as UserIdentity), userId: 'worker-test-idempotency-2' });
  });
  afterAll(() => graph?.close());

  const REGISTER = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { id registeredAt } }`;
  const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id status } }`;
  const send = (query: string, variables: Record<string, unknown>, bearer: string, key?: string) =>
    postGraphQL(graph.url, query, variables, { authorization: `Bearer ${bearer}`, ...(key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {}) });
  const casesOf = async (clientId: string) => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM client_case WHERE client_id = $1`, [clientId]))[0].n);
  const clients = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM client`))[0].n);
  let individual = 930;
  const registration = () => ({ personalIdentityCode: testIdentityCode('010190', individual++), firstName: 'Iida', lastName: 'Toistaja', municipalityCode: '398', preferredLanguage: 'FI' });

  it('openCase sent three times with one key (twice at once, once later) opens one case and answers the same each time', async () => {
    const client = await send(REGISTER, { input: registration() }, token);
    expect(client.errors).toBeUndefined();
    const clientId = client.data.registerClient.id;
    const key = randomUUID();
    const input = { input: { clientId, initiationChannel: 'APPLICATION' } };

    const [first, concurrent] = await Promise.all([send(OPEN_CASE, input, token, key), send(OPEN_CASE, input, token, key)]);
    const later = await send(OPEN_CASE, input, token, key);
    for (const answer of [first, concurrent, later]) expect(answer.errors).toBeUndefined();
    expect(concurrent.data).toEqual(first.data);
    expect(later.data).toEqual(first.data);
    expect(await casesOf(clientId)).toBe(1);

  });

  it('registerClient retried with the same key registers one client', async () => {
    const key = randomUUID();
    const input = { input: registration() };
    const before = await clients();
    const first = await send(REGISTER, input, token, key);
    const retried = await send(REGISTER, input, token, key);
    expect(first.errors).toBeUndefined();
    expect(retried.errors).toBeUndefined();
    expect(retried.data).toEqual(first.data);
    expect(await clients()).toBe(before + 1);
  });

  it('the same key with other input is a CONFLICT and writes nothing', async () => {
    const key = randomUUID();
    const first = await send(REGISTER, { input: registration() }, token, key);
    expect(first.errors).toBeUndefined();
    const other = registration();
    const before = await clients();
    const refused = await send(REGISTER, { input: other }, token, key);
    expect(refused.data?.registerClient ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', details: { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'header.Idempotency-Key' } } });
    expect(await clients()).toBe(before);
    // Registering the other input without the key still works: the refused request wrote nothing.
    const registered = await send(REGISTER, { input: other }, token);
    expect(registered.errors).toBeUndefined();
  });

  it("keys are the caller's own: another worker's request with the same key acts on its own", async () => {
    const key = randomUUID();
    const a = await send(REGISTER, { input: registration() }, token, key);
    const b = await send(REGISTER, { input: registration() }, otherToken, key);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data.registerClient.id).not.toBe(a.data.registerClient.id);
  });

  it('a malformed key is refused before anything is written (BAD_USER_INPUT IDEMPOTENCY_KEY_INVALID)', async () => {
    const input = registration();
    const before = await clients();
    const refused = await send(REGISTER, { input }, token, 'short');
    expect(await clients()).toBe(before);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: { reason: 'IDEMPOTENCY_KEY_INVALID' } } });
    const again = await send(REGISTER, { input }, token);
    expect(again.errors).toBeUndefined(); // the identity code was not taken by the refused request
  });

  it('every service keeps idempotency keys (one mechanism in libs/subgraph)', async () => {
    for (const service of Object.keys(graph.subgraphs) as ServiceName[]) {
      const [table] = await graph.subgraphs[service].dataSource.query(`SELECT to_regclass('idempotency_key')::text AS name`);
      expect({ service, table: table.name }).toEqual({ service, table: 'idempotency_key' });
    }
  });
});
