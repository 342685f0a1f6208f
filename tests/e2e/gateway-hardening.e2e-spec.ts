import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity, UserIdentity } from '@asw/auth';
import { eventually, TEST_WORKER } from '@asw/testing';
import { operationHash } from '../../gateway/src/hardening/partner-operations';
import { RunningGateway, RunningGraph, startGraph } from '../support/graph.harness';

// Plain-language description: gateway-hardening.feature.md beside this file.
const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu-test', organisation: 'Kela' };
const KELA_PING = 'query KelaPing { __typename }\n';
const UNKNOWN_CLIENT = '00000000-0000-4000-8000-000000000000';

describe('a hardened gateway', () => {
  let graph: RunningGraph;
  let production: RunningGateway;
  let token: string;

  beforeAll(async () => {
    const operations = mkdtempSync(join(tmpdir(), 'partner-operations-'));
    mkdirSync(join(operations, 'KELA'));
    writeFileSync(join(operations, 'KELA', 'ping.graphql'), KELA_PING);
    graph = await startGraph({
      PARTNER_OPERATIONS_DIR: operations,
      GATEWAY_MAX_DEPTH: '3',
      GATEWAY_MAX_ALIASES: '5',
      GATEWAY_MAX_ROOT_FIELDS: '3',
      GATEWAY_MAX_COST: '50',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '40',
      GATEWAY_MAX_BODY_BYTES: '20000',
    });
    production = await graph.startGateway({ NODE_ENV: 'production', PARTNER_OPERATIONS_DIR: operations });
    token = await graph.token(TEST_WORKER);
  });
  afterAll(async () => {
    await production?.close();
    await graph?.close();
  });

  const refusedWith = (response: { errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown }, code: string) => {
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(response.data ?? null).toBeNull();
  };

  it.each([
    ['too deep', '{ __schema { types { fields { name } } } }', 'nested 4 levels deep; at most 3'],
    ['alias-flooded', '{ a: __typename b: __typename c: __typename d: __typename e: __typename f: __typename }', 'uses 6 aliases; at most 5'],
    ['too many top-level fields', `{ a: client(id: "${UNKNOWN_CLIENT}") { id } b: client(id: "${UNKNOWN_CLIENT}") { id } c: client(id: "${UNKNOWN_CLIENT}") { id } d: client(id: "${UNKNOWN_CLIENT}") { id } }`, '4 top-level fields; at most 3'],
    ['too costly', `{ client(id: "${UNKNOWN_CLIENT}") { housingSupport { id status startsOn } incomeSupportApplications { id kind status } } }`, 'could resolve 63 fields; at most 50'],
  ])('refuses a %s query before planning: OPERATION_LIMIT_EXCEEDED', async (_name, query, message) => {
    const loggedRefusals = () => graph.process.log().match(/"code":"OPERATION_LIMIT_EXCEEDED".*refused: operation over the limits/g)?.length ?? 0;
    const before = loggedRefusals();
    const response = await graph.request(query, {}, token);
    refusedWith(response, 'OPERATION_LIMIT_EXCEEDED');
    expect(response.status).toBe(400);
    expect(response.errors![0].message).toContain(message);
    // Each refusal is logged, once; the line can reach this process just after the response.
    await eventually(() => expect(loggedRefusals()).toBe(before + 1));
  });

  it('refuses a mutation over the limits and nothing is written', async () => {
    const count = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM client`))[0].n);
    const before = await count();
    const flood = Array.from({ length: 6 }, (_, i) => `r${i}: registerClient(input: $input) { id }`).join(' ');
    const response = await graph.request(`mutation($input: RegisterClientInput!) { ${flood} }`, { input: {} }, token);
    refusedWith(response, 'OPERATION_LIMIT_EXCEEDED');
    expect(await count()).toBe(before);
  });

  it('admits Kela to its allow-listed operation, sent whole or by hash only', async () => {
    const kela = await graph.token(KELA);
    const whole = await graph.request(KELA_PING, {}, kela);
    expect(whole.errors).toBeUndefined();
    expect(whole.data).toEqual({ __typename: 'Query' });
    const byHash = await graph.post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(KELA_PING) } } }), kela);
    expect(await byHash.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses Kela any other document, and unregistered hashes, before planning', async () => {
    const kela = await graph.token(KELA);
    const other = await graph.request(`{ client(id: "${UNKNOWN_CLIENT}") { id firstName } }`, {}, kela);
    refusedWith(other, 'FORBIDDEN');
    expect(other.status).toBe(403);
    expect(other.errors![0].message).toBe('This operation is not allowed for KELA');
    await eventually(() => expect(graph.process.log()).toMatch(/refused: not an allow-listed partner operation/));
    const unregistered = await graph.post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operationHash('{ __typename }') } } }), kela);
    expect(((await unregistered.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('rate-limits each caller on its own: RATE_LIMITED with Retry-After', async () => {
    const hasty = await graph.token({ ...(TEST_WORKER as UserIdentity), userId: 'worker-hasty' });
    const responses = [];
    for (let i = 0; i < 41; i++) responses.push(await graph.request('{ __typename }', {}, hasty));
    expect(responses.slice(0, 40).every((response) => response.errors === undefined)).toBe(true);
    refusedWith(responses[40], 'RATE_LIMITED');
    expect(responses[40].status).toBe(429);
    expect(Number(responses[40].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await eventually(() => expect(graph.process.log()).toMatch(/"caller":"user:worker-hasty","code":"RATE_LIMITED".*refused: over the rate limit/));
    expect((await graph.request('{ __typename }', {}, token)).errors).toBeUndefined();
  });

  it('refuses an oversized payload (413) and batched operations', async () => {
    const oversized = await graph.post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(25_000)}` }), token);
    expect(oversized.status).toBe(413);
    await eventually(() => expect(graph.process.log()).toMatch(/refused: request body over the limit/));
    expect(await oversized.text()).not.toMatch(/at \w+ \(|node_modules/);
    const batch = await graph.post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), token);
    expect(batch.status).toBe(400);
  });

  it('in production: no introspection, no field suggestions, no IDE', async () => {
    const introspection = await production.request('{ __schema { queryType { name } } }', {}, token);
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.data).toBeUndefined();
    await eventually(() => expect(production.process.log()).toMatch(/"code":"GRAPHQL_VALIDATION_FAILED","introspection":true.*refused: operation does not validate/));
    const typo = await production.request(`{ clent(id: "${UNKNOWN_CLIENT}") { id } }`, {}, token);
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toContain('Did you mean');
    const development = await graph.request(`{ clent(id: "${UNKNOWN_CLIENT}") { id } }`, {}, token);
    expect(development.errors?.[0].message).toContain('Did you mean "client"');
    expect((await fetch(production.url.replace(/\/graphql$/, '/'))).status).toBe(404);
  });
});
