import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { Client } from 'pg';
import { SignJWT, UnsecuredJWT } from 'jose';
import { GATEWAY_IDENTITY_HEADER, Identity, signAccessToken, signGatewayIdentity, UserIdentity } from '@asw/auth';
import type { ServiceName } from '@asw/events';
import { eventually, postGraphQL, startSubgraphProcess, TEST_GATEWAY_IDENTITY_SECRET, TEST_WORKER } from '@asw/testing';
import { operationHash } from '../../gateway/src/hardening/partner-operations';
import { SUBGRAPHS } from '../../tools/graph';
import { RunningGateway, RunningGraph, startGraph, TEST_AUTH } from '../support/graph.harness';

// Plain-language description: gateway-hardening.feature.md beside this file.
const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu-test', organisation: 'Kela' };
const KELA_PING = 'query KelaPing { __typename }\n';
const UNKNOWN_CLIENT = '00000000-0000-4000-8000-000000000000';
// Secrets a county would generate: production refuses the repository's development values.
const PRODUCTION_AUTH = { ...TEST_AUTH, jwtSecret: 'Zq4vN8rT2mX6bK1pW9sL3dF7hJ5gC0yE8uA4iO2' };
const PRODUCTION_IDENTITY_SECRET = 'Hn3kR7wQ1tY5uI9oP2aS6dF0gJ4lZ8xC3vB7nM1';

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
    production = await graph.startGateway({
      NODE_ENV: 'production',
      PARTNER_OPERATIONS_DIR: operations,
      AUTH_JWT_SECRET: PRODUCTION_AUTH.jwtSecret,
      AUTH_ALLOW_HS256_IN_PRODUCTION: 'true',
      GATEWAY_IDENTITY_SECRET: PRODUCTION_IDENTITY_SECRET,
    });
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
    ['too deep', `{ client(id: "${UNKNOWN_CLIENT}") { cases { client { id } } } }`, 'nested 4 levels deep; at most 3'],
    ['too deep through fragments', `{ ...A } fragment A on Query { client(id: "${UNKNOWN_CLIENT}") { ...B } } fragment B on Client { cases { client { id } } }`, 'nested 4 levels deep; at most 3'],
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

  // Issue #13 item 4: a page size from a variable's default (variable not sent) counts as what executes.
  it.each([
    ['a page size in a variable default, the variable not sent', 'query($n: Int = 500) { caseQueue(team: "team-test", first: $n) { overdue } }', {}, 'could resolve 501 fields; at most 50'],
    ['the page size the schema defaults to (first: Int = 100)', '{ caseQueue(team: "team-test") { overdue } }', {}, 'could resolve 101 fields; at most 50'],
    ['the same variable default behind a fragment', 'query($n: Int = 500) { ...Q } fragment Q on Query { caseQueue(team: "team-test", first: $n) { overdue } }', {}, 'could resolve 501 fields; at most 50'],
    ['a branch @include-d by a defaulted variable', 'query($all: Boolean = true) { caseQueue(team: "team-test", first: 30) @include(if: $all) { overdue nextDueOn } }', {}, 'could resolve 61 fields; at most 50'],
  ])('refuses %s: OPERATION_LIMIT_EXCEEDED (MAX_COST_EXCEEDED)', async (_name, query, variables, message) => {
    const response = await graph.request(query, variables, token);
    refusedWith(response, 'OPERATION_LIMIT_EXCEEDED');
    expect(response.status).toBe(400);
    expect(response.errors![0].message).toContain(message);
    expect(response.errors![0].extensions?.details).toEqual({ reason: 'MAX_COST_EXCEEDED' });
  });

  it('admits the same operation when the sent variable is small, and skips what @include leaves out', async () => {
    const small = await graph.request('query($n: Int = 500) { caseQueue(team: "team-test", first: $n) { overdue } }', { n: 5 }, token);
    expect(small.errors).toBeUndefined();
    expect(small.data).toEqual({ caseQueue: [] });
    const skipped = await graph.request('query($all: Boolean = false) { __typename caseQueue(team: "team-test", first: 100) @include(if: $all) { overdue } }', {}, token);
    expect(skipped.errors).toBeUndefined();
    expect(skipped.data).toEqual({ __typename: 'Query' });
  });

  it('in development the standard introspection query (GraphiQL, codegen, Rover) is exempt from the limits', async () => {
    const response = await graph.request(getIntrospectionQuery(), {}, token);
    expect(response.errors).toBeUndefined();
    expect(response.data.__schema.queryType.name).toBe('Query');
    expect(response.data.__schema.types.map((type: { name: string }) => type.name)).toContain('Client');
  });

  // Issue #13 weak point: a document whose operation cannot be chosen is the client's mistake (400), not a 500.
  it.each([
    ['several operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_NAME_REQUIRED'],
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'Nope' }, 'UNKNOWN_OPERATION_NAME'],
  ])('answers %s with 400 OPERATION_RESOLUTION_FAILURE', async (_name, body, reason) => {
    const response = await graph.post(JSON.stringify(body), token);
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string; details?: unknown } }> };
    expect(payload.errors.map((error) => error.extensions.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(payload.errors[0].extensions.details).toEqual({ reason });
    expect(payload.data ?? null).toBeNull();
    await eventually(() => expect(graph.process.log()).toMatch(new RegExp(`"reason":"${reason}".*refused: no operation to run`)));
    const chosen = await graph.post(JSON.stringify({ ...body, operationName: 'A' }), token);
    expect(await chosen.json()).toEqual({ data: { __typename: 'Query' } });
  });

  // Issue #13 weak point: tokens with alg none, an unexpected algorithm, a future iat or an overlong lifetime.
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { roles: ['SOCIAL_WORKER'], team: 'team-test', org: 'test-county' };
  it.each([
    ['alg none', () => new UnsecuredJWT(claims).setSubject('attacker').setIssuer(TEST_AUTH.issuer).setAudience(TEST_AUTH.audience).setIssuedAt().setExpirationTime('5m').encode(), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
    ['HS512 (not pinned)', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).setSubject('attacker').setIssuer(TEST_AUTH.issuer).setAudience(TEST_AUTH.audience).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(TEST_AUTH.jwtSecret.repeat(2))), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
    ['iat an hour in the future', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('attacker').setIssuer(TEST_AUTH.issuer).setAudience(TEST_AUTH.audience).setIssuedAt(now() + 3600).setExpirationTime(now() + 3900).sign(new TextEncoder().encode(TEST_AUTH.jwtSecret)), 'TOKEN_ISSUED_IN_FUTURE'],
    ['a lifetime of a year', () => signAccessToken(TEST_WORKER, TEST_AUTH, 365 * 24 * 3600), 'TOKEN_LIFETIME_TOO_LONG'],
    ['a corrupt header', async () => 'eyJhbGciOi.e30.x', 'TOKEN_MALFORMED'],
  ])('refuses a token with %s: 401 UNAUTHENTICATED, logged as a refusal, no stack trace', async (_name, make, reason) => {
    const response = await graph.request(`{ client(id: "${UNKNOWN_CLIENT}") { id firstName } }`, {}, await make());
    expect(response.status).toBe(401);
    refusedWith(response, 'UNAUTHENTICATED');
    expect(response.errors![0].extensions?.details).toEqual({ reason });
    await eventually(() => expect(graph.process.log()).toMatch(new RegExp(`"code":"UNAUTHENTICATED","reason":"${reason}".*refused: not authenticated`)));
    expect(graph.process.log()).not.toMatch(/unhandled error|"stack"/);
  });

  it('refuses a mutation over the limits and nothing is written', async () => {
    const count = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM client`))[0].n);
    const before = await count();
    const flood = Array.from({ length: 6 }, (_, i) => `r${i}: registerClient(input: $input) { id }`).join(' ');
    const input = { personalIdentityCode: 'not-checked-before-the-limits', firstName: 'Flood', lastName: 'Attempt', municipalityCode: '398', preferredLanguage: 'FI' };
    const response = await graph.request(`mutation($input: RegisterClientInput!) { ${flood} }`, { input }, token);
    refusedWith(response, 'OPERATION_LIMIT_EXCEEDED');
    expect(response.errors![0].extensions?.details).toEqual({ reason: 'MAX_ALIASES_EXCEEDED' });
    // Variables that do not fit the operation: BAD_USER_INPUT before anything runs.
    const wrong = await graph.request(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, { input: {} }, token);
    refusedWith(wrong, 'BAD_USER_INPUT');
    expect(wrong.status).toBe(400);
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
    expect(unregistered.status).toBe(400);
    const body = (await unregistered.json()) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string; details?: unknown } }> };
    expect(body.errors[0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND', details: { reason: 'PERSISTED_OPERATION_NOT_REGISTERED' } });
    expect(body.errors[0].message).toContain('No operation with this hash is registered for KELA');
    await eventually(() => expect(graph.process.log()).toMatch(/"code":"PERSISTED_QUERY_NOT_FOUND".*refused: persisted operation not registered/));
  });

  // Issue #15: matching the allow-list does not depend on whitespace, comments or trailing newlines.
  it.each([
    ['without the trailing newline', 'query KelaPing { __typename }'],
    ['laid out differently, with comments', '# Kela asks\nquery KelaPing {\n  __typename # the root type\n}\n\n'],
  ])('admits Kela’s allow-listed document %s', async (_name, document) => {
    const response = await graph.request(document, {}, await graph.token(KELA));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: 'Query' });
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

  it('CORS: answers a preflight from a localhost dev server (any port) in development, not from other origins or in production', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const local = await preflight(graph.url, 'http://localhost:5173');
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect((await preflight(graph.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(production.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await graph.startGateway({ GATEWAY_CORS_ORIGINS: 'https://app.county.example' });
    try {
      expect((await preflight(allowed.url, 'https://app.county.example')).headers.get('access-control-allow-origin')).toBe('https://app.county.example');
      expect((await preflight(allowed.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await allowed.close();
    }
  });

  it('in production: no introspection, no field suggestions, no IDE', async () => {
    const productionToken = await signAccessToken(TEST_WORKER, PRODUCTION_AUTH, 600);
    await eventually(() => expect(production.process.log()).toMatch(/"code":"INSECURE_CONFIGURATION".*SECURITY WARNING: production verifies access tokens with a shared HS256 secret/));
    const standard = await production.request(getIntrospectionQuery(), {}, productionToken);
    expect(standard.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(standard.data).toBeUndefined();
    const introspection = await production.request('{ __schema { queryType { name } } }', {}, productionToken);
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.data).toBeUndefined();
    await eventually(() => expect(production.process.log()).toMatch(/"code":"GRAPHQL_VALIDATION_FAILED","introspection":true.*refused: operation does not validate/));
    const typo = await production.request(`{ clent(id: "${UNKNOWN_CLIENT}") { id } }`, {}, productionToken);
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toContain('Did you mean');
    const development = await graph.request(`{ clent(id: "${UNKNOWN_CLIENT}") { id } }`, {}, token);
    expect(development.errors?.[0].message).toContain('Did you mean "client"');
    expect((await fetch(production.url.replace(/\/graphql$/, '/'))).status).toBe(404);
  });

  // Issue #13 item 5: production refuses to start with the repository's development secrets.
  it.each([
    ['the test secrets (development values)', {}, /GATEWAY_IDENTITY_SECRET: is a development value/],
    ['a shared HS256 secret without the opt-in', { AUTH_JWT_SECRET: PRODUCTION_AUTH.jwtSecret, GATEWAY_IDENTITY_SECRET: PRODUCTION_IDENTITY_SECRET }, /AUTH_JWT_SECRET: production verifies access tokens with the identity provider's keys/],
    ['the test access-token secret, even with the HS256 opt-in', { AUTH_ALLOW_HS256_IN_PRODUCTION: 'true', GATEWAY_IDENTITY_SECRET: PRODUCTION_IDENTITY_SECRET }, /AUTH_JWT_SECRET: is a development value/],
  ])('the gateway in production refuses to start with %s', async (_name, env, message) => {
    const started = await graph.startGateway({ NODE_ENV: 'production', ...env }).then(
      async (gateway) => {
        await gateway.close();
        return undefined;
      },
      (error: Error) => error,
    );
    expect(started?.message).toMatch(message);
  });

  it.each(SUBGRAPHS.map((entry) => [entry.name, entry] as const))('%s in production refuses to start with the development gateway identity secret', async (_name, entry) => {
    const started = await startSubgraphProcess(entry, { NODE_ENV: 'production' }).then(
      async (subgraph) => {
        await subgraph.close();
        return undefined;
      },
      (error: Error) => error,
    );
    expect(started?.message).toMatch(/GATEWAY_IDENTITY_SECRET: is a development value/);
  });

  // Issue #13 weak point: a captured gateway identity is good for one request to one subgraph, for seconds.
  describe.each(SUBGRAPHS.map((entry) => [entry.name as ServiceName] as const))('the %s subgraph refuses a replayed gateway identity', (name) => {
    const subgraph = () => graph.subgraphs[name];
    const ping = { query: '{ __typename }', variables: {} };
    const mint = (request: { query: string; variables: Record<string, unknown> }, overrides: { subgraph?: string; now?: number } = {}) =>
      signGatewayIdentity(TEST_WORKER, TEST_GATEWAY_IDENTITY_SECRET, { subgraph: overrides.subgraph ?? name, request, now: overrides.now });
    const send = (request: { query: string; variables: Record<string, unknown> }, token: string) => postGraphQL(subgraph().url, request.query, request.variables, { [GATEWAY_IDENTITY_HEADER]: token });
    const other = SUBGRAPHS.find((entry) => entry.name !== name)!.name;

    it.each([
      ['another body', async () => send({ query: '{ _service { sdl } }', variables: {} }, await mint(ping)), 'GATEWAY_IDENTITY_WRONG_REQUEST'],
      ['other variables', async () => send({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Client', id: UNKNOWN_CLIENT }] } }, await mint({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [] } })), 'GATEWAY_IDENTITY_WRONG_REQUEST'],
      ['a token minted for another subgraph', async () => send(ping, await mint(ping, { subgraph: other })), 'GATEWAY_IDENTITY_WRONG_AUDIENCE'],
      ['an expired token', async () => send(ping, await mint(ping, { now: now() - 60 })), 'GATEWAY_IDENTITY_EXPIRED'],
    ])('with %s: 401 UNAUTHENTICATED, logged', async (_label, attempt, reason) => {
      const response = await attempt();
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason } });
      expect(response.data ?? null).toBeNull();
      await eventually(() => expect(subgraph().process.log()).toMatch(new RegExp(`"reason":"${reason}".*refused: no valid gateway identity`)));
    });

    it('accepts a token once, for the body it was minted for; the same token again is a replay', async () => {
      const token = await mint(ping);
      expect((await send(ping, token)).data).toEqual({ __typename: 'Query' });
      const replay = await send(ping, token);
      expect(replay.status).toBe(401);
      expect(replay.errors?.[0].extensions?.details).toEqual({ reason: 'GATEWAY_IDENTITY_REPLAYED' });
    });
  });

  it('a gateway identity captured from a read cannot carry a mutation: refused and nothing is written', async () => {
    const count = async () => Number((await graph.subgraphs.case.dataSource.query(`SELECT count(*) AS n FROM client`))[0].n);
    const before = await count();
    const captured = await signGatewayIdentity(TEST_WORKER, TEST_GATEWAY_IDENTITY_SECRET, { subgraph: 'case', request: { query: '{ __typename }', variables: {} } });
    const input = { personalIdentityCode: '010190-900P', firstName: 'Replay', lastName: 'Attempt', municipalityCode: '398', preferredLanguage: 'FI' };
    const response = await postGraphQL(graph.subgraphs.case.url, 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }', { input }, { [GATEWAY_IDENTITY_HEADER]: captured });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.details).toEqual({ reason: 'GATEWAY_IDENTITY_WRONG_REQUEST' });
    expect(await count()).toBe(before);
  });

  // Issue #13 weak point: each service runs as its own login role, not a superuser, not the owner of access_log.
  describe.each(SUBGRAPHS.map((entry) => [entry.name as ServiceName] as const))('the %s service’s database role', (name) => {
    let db: Client;
    beforeAll(async () => {
      db = new Client({ connectionString: graph.subgraphs[name].config.DATABASE_URL });
      await db.connect();
    });
    afterAll(() => db?.end());

    it('is what the service runs as: a login role that is no superuser and owns no table', async () => {
      expect(graph.subgraphs[name].config.DATABASE_MIGRATION_URL).toBeDefined();
      const [role] = (await db.query(`SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).rows;
      expect(role).toEqual({ rolname: expect.stringMatching(/_app$/), rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
      expect((await db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`)).rows[0].n).toBe(0);
      const [{ owner }] = (await db.query(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'access_log'`)).rows;
      expect(owner).not.toBe(role.rolname);
      // The service has served requests as this role (the access log has entries it wrote).
      expect(await db.query(`SELECT count(*) FROM access_log`)).toBeDefined();
    });

    it('has INSERT and SELECT on access_log and nothing else', async () => {
      const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
      const held = (await db.query(`SELECT p AS privilege FROM unnest($1::text[]) AS p WHERE has_table_privilege(current_user, 'access_log', p)`, [privileges])).rows.map((row) => row.privilege);
      expect(held).toEqual(['SELECT', 'INSERT']);
    });

    it.each([
      ['UPDATE', `UPDATE access_log SET outcome = 'ALLOWED'`, /permission denied/],
      ['DELETE', `DELETE FROM access_log`, /permission denied/],
      ['TRUNCATE', `TRUNCATE access_log`, /permission denied/],
      ['SET session_replication_role (skip the append-only triggers)', `SET session_replication_role = replica`, /permission denied/],
      ['ALTER TABLE (drop the triggers)', `ALTER TABLE access_log DISABLE TRIGGER access_log_no_change`, /must be owner|permission denied/],
      ['CREATE TABLE (schema changes are the owner’s)', `CREATE TABLE attacker (id int)`, /permission denied/],
    ])('cannot %s', async (_label, statement, refusal) => {
      await expect(db.query(statement)).rejects.toThrow(refusal);
    });
  });
});
