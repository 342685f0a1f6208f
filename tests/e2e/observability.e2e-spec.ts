import { randomUUID } from 'node:crypto';
import { freePort } from '@asw/infra';
import { parsePrometheusSamples, sampleKey } from '@asw/platform';
import { eventually, gatewayHeaders, postGraphQL, startSubgraphProcess, SubgraphProcess, TEST_WORKER } from '@asw/testing';
import { SUBGRAPHS } from '../../tools/graph';
import { RunningGraph, startGraph } from '../support/graph.harness';
import { testIdentityCode } from '../support/case-steps';

// Plain-language description: observability.feature.md beside this file.
const REGISTER = 'mutation RegisterClient($input: RegisterClientInput!) { registerClient(input: $input) { id } }';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const CORRELATION_ID = '6f1e4c2a-9b3d-4e8f-a1c7-2d5b8e0f3a69';
const SURNAME = 'Observoitava';
const WORKER_ID = 'worker-test-1'; // TEST_WORKER's user id

const baseOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function scrape(graphqlUrl: string): Promise<{ text: string; samples: Map<string, number>; contentType: string | null }> {
  const response = await fetch(`${baseOf(graphqlUrl)}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, samples: parsePrometheusSamples(text), contentType: response.headers.get('content-type') };
}

/** The JSON log lines of an app's output. */
function logLines(output: string): Array<Record<string, unknown>> {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed = JSON.parse(line);
      return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

describe('what a platform team sees of a running graph', () => {
  let graph: RunningGraph;
  let token: string;
  const identityCode = testIdentityCode('010185', 917);

  beforeAll(async () => {
    graph = await startGraph({ GATEWAY_MAX_DEPTH: '3' });
    token = await graph.token(TEST_WORKER);
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('returns the caller\'s correlation id in a header, and a new one when it sent none; one request line each, without personal data', async () => {
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': CORRELATION_ID, traceparent: TRACEPARENT },
      body: JSON.stringify({
        query: REGISTER,
        operationName: 'RegisterClient',
        variables: { input: { personalIdentityCode: identityCode, firstName: 'Aino', lastName: SURNAME, municipalityCode: '398', preferredLanguage: 'FI' } },
      }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(response.headers.get('x-correlation-id')).toBe(CORRELATION_ID);

    const anonymous = await graph.request('{ __typename }', {}, token);
    expect(anonymous.headers.get('x-correlation-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The gateway's line: operation, outcome, duration, caller, correlation id, the caller's trace id.
    const gatewayLine = await eventually(() => {
      const line = logLines(graph.process.log()).find((entry) => entry.msg === 'request finished' && entry.correlationId === CORRELATION_ID);
      expect(line).toBeDefined();
      return line!;
    });
    expect(gatewayLine).toMatchObject({
      app: 'gateway',
      level: 'info',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'RegisterClient',
      outcome: 'ok',
      callerKind: 'user',
      callerId: WORKER_ID,
      traceId: TRACE_ID,
    });
    expect(typeof gatewayLine.durationMs).toBe('number');
    const raw = graph.process.log().split('\n').find((line) => line.includes('"request finished"') && line.includes(CORRELATION_ID))!;
    expect(raw.match(/"correlationId"/g)).toHaveLength(1); // one key, not repeated
    // The case subgraph's line for the same request: the correlation id and the trace context went on.
    const caseLine = await eventually(() => {
      const line = logLines(graph.subgraphs.case.process.log()).find((entry) => entry.msg === 'request finished' && entry.correlationId === CORRELATION_ID);
      expect(line).toBeDefined();
      return line!;
    });
    expect(caseLine).toMatchObject({ app: 'case', outcome: 'ok', callerKind: 'user', callerId: WORKER_ID, traceId: TRACE_ID });
    expect(String(caseLine.operationName)).toMatch(/^RegisterClient/);
    // Never personal data, variables or tokens in a request line.
    for (const line of [gatewayLine, caseLine]) {
      const text = JSON.stringify(line);
      for (const secret of [identityCode, SURNAME, token, 'personalIdentityCode', 'variables', 'authorization']) expect(text).not.toContain(secret);
    }
    // Probes and scrapes write no request lines.
    await fetch(`${baseOf(graph.url)}/health/live`);
    expect(logLines(graph.process.log()).filter((entry) => entry.msg === 'request finished' && String(entry.path).startsWith('/health'))).toEqual([]);
  });

  it('serves Prometheus metrics from the gateway: requests by operation and outcome, errors by code, refusals by reason, subgraph fetches, Node runtime', async () => {
    await graph.request('query Deep { client(id: "00000000-0000-4000-8000-000000000000") { cases { client { id } } } }', {}, token); // over the depth limit
    await graph.request('{ __typename }', {}, undefined); // no token
    await graph.request('query Ping { __typename }', {}, token);

    const { samples, text, contentType } = await scrape(graph.url);
    expect(contentType).toContain('text/plain');
    const at = (name: string, labels: Record<string, string>) => samples.get(sampleKey(name, { service: 'gateway', ...labels })) ?? 0;
    expect(at('asw_graphql_request_duration_seconds_count', { operation: 'RegisterClient', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_graphql_request_duration_seconds_count', { operation: 'Ping', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_graphql_request_duration_seconds_count', { operation: 'Deep', outcome: 'client_error' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_graphql_errors_total', { code: 'OPERATION_LIMIT_EXCEEDED' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_refusals_total', { reason: 'limits' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_refusals_total', { reason: 'auth' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'case', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(at('asw_gateway_schema_loaded', {})).toBe(1);
    for (const { name } of SUBGRAPHS) expect([name, at('asw_gateway_subgraph_up', { subgraph: name })]).toEqual([name, 1]);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="gateway"\} \d/m);
  });

  it('serves Prometheus metrics from every subgraph: requests, database pool, Kafka and the event flow', async () => {
    for (const { name } of SUBGRAPHS) {
      const { samples, text } = await scrape(graph.subgraphs[name as keyof typeof graph.subgraphs].url);
      const at = (metric: string, labels: Record<string, string> = {}) => samples.get(sampleKey(metric, { service: name, ...labels }));
      expect([name, at('asw_kafka_up')]).toEqual([name, 1]);
      expect([name, at('asw_events_status_up')]).toEqual([name, 1]);
      expect(at('asw_events_outbox_pending')).toEqual(expect.any(Number));
      expect(at('asw_db_pool_connections', { state: 'idle' })).toEqual(expect.any(Number));
      expect(at('asw_db_pool_max_connections')).toBe(10);
      expect(text).toMatch(new RegExp(`^process_resident_memory_bytes\\{service="${name}"\\} \\d`, 'm'));
    }
    const caseMetrics = await scrape(graph.subgraphs.case.url);
    const served = [...caseMetrics.samples].filter(([key, value]) => key.startsWith('asw_graphql_request_duration_seconds_count{operation="RegisterClient') && key.includes('outcome="ok"') && value >= 1);
    expect(served).not.toEqual([]);
    await eventually(async () => expect((await scrape(graph.subgraphs.case.url)).samples.get(sampleKey('asw_events_published_total', { service: 'case' }))).toBeGreaterThanOrEqual(1));
  });

  it('holds a caller\'s rate limit across two gateway replicas that share Redis', async () => {
    const shared = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', GATEWAY_RATE_LIMIT_PER_MINUTE: '4', GATEWAY_RATE_LIMIT_KEY_PREFIX: `asw-test:${randomUUID()}` };
    const replicas = [await graph.startGateway(shared), await graph.startGateway(shared)];
    try {
      const hasty = await graph.token({ ...TEST_WORKER, userId: 'worker-across-replicas' } as typeof TEST_WORKER);
      const statuses: number[] = [];
      for (let index = 0; index < 6; index++) statuses.push((await replicas[index % 2].request('query Ping { __typename }', {}, hasty)).status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(4);
      expect(statuses.filter((status) => status === 429)).toHaveLength(2);
      const refusals = await scrape(replicas[0].url);
      const again = await scrape(replicas[1].url);
      const limited = (samples: Map<string, number>) => samples.get(sampleKey('asw_refusals_total', { reason: 'rate_limit', service: 'gateway' })) ?? 0;
      expect(limited(refusals.samples) + limited(again.samples)).toBe(2);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  it('the gateway is ready when it can plan and reaches its subgraphs, and says so per subgraph', async () => {
    const response = await fetch(`${baseOf(graph.url)}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { schema: 'loaded', subgraphs: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, 'ready'])) },
    });
  });
});

describe('a subgraph while Kafka is down', () => {
  let service: SubgraphProcess;

  beforeAll(async () => {
    // Nothing listens on this port: Kafka is down from the start. startSubgraphProcess resolves only once /health/ready answers 200.
    service = await startSubgraphProcess(SUBGRAPHS[0], { KAFKA_BROKERS: [`127.0.0.1:${await freePort()}`] });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('stays ready on its database, shows Kafka down in the detail and metrics, and keeps writes in the outbox', async () => {
    const ready = await fetch(`${baseOf(service.url)}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: 'up', kafka: 'down' } });

    const before = (await scrape(service.url)).samples;
    expect(before.get(sampleKey('asw_kafka_up', { service: 'case' }))).toBe(0);
    const pendingBefore = before.get(sampleKey('asw_events_outbox_pending', { service: 'case' })) ?? 0;

    const registered = await postGraphQL(
      service.url,
      REGISTER,
      { input: { personalIdentityCode: testIdentityCode('020285', 918), firstName: 'Aino', lastName: SURNAME, municipalityCode: '398', preferredLanguage: 'FI' } },
      await gatewayHeaders(TEST_WORKER),
    );
    expect(registered.errors).toBeUndefined();

    const after = (await scrape(service.url)).samples;
    expect(after.get(sampleKey('asw_events_outbox_pending', { service: 'case' }))).toBeGreaterThan(pendingBefore);
    expect(after.get(sampleKey('asw_events_status_up', { service: 'case' }))).toBe(1);
    const detail = (await (await fetch(`${baseOf(service.url)}/health/ready`)).json()) as { events: { outboxPending: number } };
    expect(detail.events.outboxPending).toBeGreaterThan(pendingBefore);
  });
});
