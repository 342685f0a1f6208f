import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { freePort } from '@asw/infra';
import { eventually, TEST_WORKER } from '@asw/testing';
import { RunningGraph, startGraph } from '../support/graph.harness';
import { testIdentityCode } from '../support/case-steps';

// Plain-language description: tracing.feature.md beside this file.

/** One finished span as an OTLP/HTTP JSON export carries it, with the app that sent it. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  links?: Array<{ traceId: string; spanId: string }>;
  raw: string;
}

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * A minimal OTLP/HTTP collector (JSON encoding) on 127.0.0.1: every app of the graph exports its
 * spans here with the real OTLP exporter, configured only by the standard OTEL_* variables.
 */
async function startCollector(): Promise<{ endpoint: string; spans: ExportedSpan[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((attribute: { key: string }) => attribute.key === 'service.name')?.value?.stringValue;
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans ?? []) spans.push({ ...span, service, attributes: span.attributes ?? [], raw: JSON.stringify(span) });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const isSql = (span: ExportedSpan) => (attribute(span, 'db.system.name') ?? attribute(span, 'db.system')) === 'postgresql';
const attribute = (span: ExportedSpan, key: string): unknown => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value === undefined ? undefined : Object.values(value)[0];
};

describe('tracing: one trace from the gateway through the subgraphs, PostgreSQL and Kafka', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let graph: RunningGraph;
  let token: string;

  beforeAll(async () => {
    collector = await startCollector();
    // Every app the harness starts inherits these: the standard variables, nothing of ours.
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.endpoint;
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
    process.env.OTEL_BSP_SCHEDULE_DELAY = '200';
    graph = await startGraph();
    token = await graph.token(TEST_WORKER);
  });
  afterAll(async () => {
    await graph?.close();
    await collector?.close();
  });

  const REGISTER = 'mutation RegisterClient($input: RegisterClientInput!) { registerClient(input: $input) { id } }';

  it('follows registerClient from the caller through gateway, case, its SQL and outbox, the relay and group-activity applying ClientRegistered', async () => {
    const identityCode = testIdentityCode('240372', 941);
    const firstName = 'Jäljitettävä';
    const lastName = 'Spanninen';
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${callerTraceId}-${callerSpanId}-01` },
      body: JSON.stringify({
        query: REGISTER,
        variables: { input: { personalIdentityCode: identityCode, firstName, lastName, municipalityCode: '398', preferredLanguage: 'FI' } },
      }),
    });
    const body = (await response.json()) as { data: { registerClient: { id: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const clientId: string = body.data.registerClient.id;

    // group-activity applies ClientRegistered in its own process, after case's relay published it.
    const trace = await eventually(() => {
      const spans = collector.spans.filter((span) => span.traceId === callerTraceId);
      expect(spans.find((span) => span.service === 'group-activity' && span.name === 'apply ClientRegistered')).toBeDefined();
      return spans;
    }, 60_000, 250);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const parentOf = (span: ExportedSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);
    const ancestors = (span: ExportedSpan): ExportedSpan[] => {
      const chain: ExportedSpan[] = [];
      for (let at = parentOf(span); at; at = parentOf(at)) chain.push(at);
      return chain;
    };
    const one = (description: string, predicate: (span: ExportedSpan) => boolean): ExportedSpan => {
      const found = trace.filter(predicate);
      if (found.length === 0) throw new Error(`no ${description} in the trace: ${trace.map((span) => `${span.service}:${span.name}`).join(', ')}`);
      return found[0];
    };

    // The gateway continues the caller's trace: its server span's parent is the caller's span.
    const gatewayServer = one('gateway server span', (span) => span.service === 'gateway' && span.kind === SERVER);
    expect(gatewayServer.parentSpanId).toBe(callerSpanId);
    // Its fetch to case is a client span under it; case's server span is that fetch's child.
    const caseServer = one('case server span', (span) => span.service === 'case' && span.kind === SERVER);
    const fetchToCase = parentOf(caseServer)!;
    expect(fetchToCase).toMatchObject({ service: 'gateway', kind: CLIENT });
    expect(ancestors(fetchToCase)).toContain(gatewayServer);
    // The resolver's SQL and the outbox write are in case's request.
    const caseSql = trace.filter((span) => span.service === 'case' && isSql(span));
    expect(caseSql.length).toBeGreaterThan(0);
    for (const sql of caseSql) expect(ancestors(sql)).toContain(caseServer);
    const outboxWrite = one('outbox write span', (span) => span.service === 'case' && span.name === 'outbox write ClientRegistered');
    expect(ancestors(outboxWrite)).toContain(caseServer);
    const outboxInsert = one('outbox INSERT', (span) => span.service === 'case' && String(attribute(span, 'db.statement') ?? attribute(span, 'db.query.text') ?? '').startsWith('INSERT INTO outbox'));
    expect(parentOf(outboxInsert)).toBe(outboxWrite);
    // The relay published it later, in its own loop, continuing the context stored with the outbox row.
    const publish = one('relay publish span', (span) => span.service === 'case' && span.kind === PRODUCER && span.name.startsWith('publish '));
    expect(parentOf(publish)).toBe(outboxWrite);
    expect(attribute(publish, 'messaging.destination.name')).toMatch(/case\.events$/);
    // group-activity applied it, continuing from the relay's publish span, with its SQL under the apply.
    const apply = one('group-activity apply span', (span) => span.service === 'group-activity' && span.name === 'apply ClientRegistered');
    expect(apply.kind).toBe(CONSUMER);
    expect(parentOf(apply)).toBe(publish);
    const applySql = await eventually(() => {
      const found = collector.spans.filter((span) => span.traceId === callerTraceId && span.service === 'group-activity' && span.parentSpanId === apply.spanId && isSql(span));
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(applySql.length).toBeGreaterThan(0);

    // The same written inline (literal arguments, no variables): the query text in graphql.source has them masked.
    const inlineCode = testIdentityCode('240372', 942);
    const inline = await graph.request(
      `mutation RegisterInline { registerClient(input: { personalIdentityCode: "${inlineCode}", firstName: "Kirjaimellinen", lastName: "Arvoinen", municipalityCode: "398", preferredLanguage: FI }) { id } }`,
      {},
      token,
    );
    expect(inline.errors).toBeUndefined();
    await eventually(() => expect(collector.spans.some((span) => span.service === 'group-activity' && span.name === 'apply ClientRegistered' && span.traceId !== callerTraceId)).toBe(true), 60_000, 250);
    const sources = collector.spans.map((span) => attribute(span, 'graphql.source')).filter((source): source is string => typeof source === 'string');
    expect(sources.some((source) => source.includes('RegisterInline'))).toBe(true);

    // No personal data in any span of the run: not the identity codes, the names, nor the variables' values.
    const everything = collector.spans.map((span) => span.raw).join('\n');
    for (const personal of [identityCode, firstName, lastName, inlineCode, 'Kirjaimellinen', 'Arvoinen']) expect(everything).not.toContain(personal);
    for (const span of collector.spans) {
      for (const { key } of span.attributes) expect(key).not.toMatch(/variables|\.args?\.|db\.query\.parameter|db\.statement\.parameters|messaging\.message\.body/i);
    }
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores the W3C trace context with the event in the outbox row, in the writer’s transaction', async () => {
    const [row] = await graph.subgraphs.case.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'ClientRegistered' ORDER BY seq DESC LIMIT 1`);
    expect(row.envelope.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
