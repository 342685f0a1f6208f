import { AppMetrics } from './metrics';
import { outcomeOf } from './request-observability';
import { parsePrometheusSamples, sampleKey } from './prometheus-text';
import { noteRefusal, requestScope, runInRequestScope, traceIdOf } from './request-scope';

describe('traceIdOf (W3C traceparent)', () => {
  it.each([
    ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', '0af7651916cd43dd8448eb211c80319c'],
    [' 00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-00 ', '0af7651916cd43dd8448eb211c80319c'],
    ['00-00000000000000000000000000000000-b7ad6b7169203331-01', undefined],
    ['00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01', undefined],
    ['01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra', undefined],
    ['not a traceparent', undefined],
    [undefined, undefined],
    [['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'], undefined],
  ])('%p → %p', (header, expected) => {
    expect(traceIdOf(header)).toBe(expected);
  });
});

describe('outcomeOf', () => {
  it.each([
    [[], 200, 'ok'],
    [['FORBIDDEN'], 200, 'client_error'],
    [['UNAUTHENTICATED'], 401, 'client_error'],
    [[], 413, 'client_error'],
    [['NOT_FOUND', 'INTERNAL_SERVER_ERROR'], 200, 'server_error'],
    [[], 503, 'server_error'],
  ])('%p with HTTP %p → %p', (codes, status, expected) => {
    expect(outcomeOf(codes as string[], status as number)).toBe(expected);
  });
});

describe('request scope', () => {
  it('keeps the first refusal reason of the request, and is absent outside one', () => {
    noteRefusal('auth'); // outside a request: nothing to note, no error
    expect(requestScope()).toBeUndefined();
    const scope = { correlationId: 'c', errorCodes: [] };
    runInRequestScope(scope, () => {
      noteRefusal('rate_limit');
      noteRefusal('limits');
    });
    expect(scope).toMatchObject({ refusal: 'rate_limit' });
  });
});

describe('AppMetrics', () => {
  it('serves request duration by operation and outcome, errors by code, refusals by reason, and Node metrics, labelled with the service', async () => {
    const metrics = new AppMetrics('case');
    metrics.observeRequest({ operationName: 'ClientCases', outcome: 'ok', seconds: 0.02, errorCodes: [] });
    metrics.observeRequest({ operationName: undefined, outcome: 'client_error', seconds: 0.001, errorCodes: ['UNAUTHENTICATED'], refusal: 'auth' });
    const text = await metrics.render();
    expect(metrics.contentType).toContain('text/plain');
    const samples = parsePrometheusSamples(text);
    expect(samples.get(sampleKey('asw_graphql_request_duration_seconds_count', { operation: 'ClientCases', outcome: 'ok', service: 'case' }))).toBe(1);
    expect(samples.get(sampleKey('asw_graphql_request_duration_seconds_bucket', { operation: 'ClientCases', outcome: 'ok', service: 'case', le: '0.025' }))).toBe(1);
    expect(samples.get(sampleKey('asw_graphql_request_duration_seconds_bucket', { operation: 'ClientCases', outcome: 'ok', service: 'case', le: '0.01' }))).toBe(0);
    expect(samples.get(sampleKey('asw_graphql_request_duration_seconds_count', { operation: '(anonymous)', outcome: 'client_error', service: 'case' }))).toBe(1);
    expect(samples.get(sampleKey('asw_graphql_errors_total', { code: 'UNAUTHENTICATED', service: 'case' }))).toBe(1);
    expect(samples.get(sampleKey('asw_refusals_total', { reason: 'auth', service: 'case' }))).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="case"\} /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="case"\} /m);
  });

  it('bounds the operation label: names that are not GraphQL names, and new names past the cap, count as (other)', () => {
    const metrics = new AppMetrics('gateway');
    expect(metrics.operationLabel('Client Cases {')).toBe('(other)');
    expect(metrics.operationLabel('a'.repeat(101))).toBe('(other)');
    for (let index = 0; index < 500; index++) expect(metrics.operationLabel(`Op${index}`)).toBe(`Op${index}`);
    expect(metrics.operationLabel('OneTooMany')).toBe('(other)');
    expect(metrics.operationLabel('Op7')).toBe('Op7');
  });

  it('runs the scrape hooks before rendering, and a failing hook does not fail the scrape', async () => {
    const metrics = new AppMetrics('x');
    const gauge = metrics.gauge({ name: 'x_value', help: 'x' });
    metrics.onScrape(async () => gauge.set(7));
    metrics.onScrape(async () => {
      throw new Error('unreachable');
    });
    expect(await metrics.render()).toContain('x_value{service="x"} 7\n');
  });
});
