import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { registerEventMetrics } from '@asw/events';
import { AppMetrics } from '@asw/platform';
import { registerPoolMetrics } from '@asw/subgraph';
import { GatewayReadiness } from '../gateway/src/gateway-readiness';
import { subgraphFetchMetrics } from '../gateway/src/gateway-metrics';

const root = join(__dirname, '..');
const alerts = parse(readFileSync(join(root, 'deploy/prometheus/alerts.yaml'), 'utf8')) as { groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for: string; labels: { severity: string }; annotations: { summary: string } }> }> };
const dashboard = JSON.parse(readFileSync(join(root, 'deploy/grafana/asw-graph.dashboard.json'), 'utf8'));

/** Every series name the apps serve: what the gateway and a subgraph register (as the apps build them), histograms with their suffixes. */
async function servedSeries(): Promise<Set<string>> {
  const gateway = new AppMetrics('gateway');
  subgraphFetchMetrics(gateway);
  new GatewayReadiness(gateway);
  const subgraph = new AppMetrics('case');
  registerEventMetrics(subgraph, { status: async () => null, kafkaUp: async () => false });
  registerPoolMetrics(subgraph, { driver: {} } as unknown as DataSource);
  const names = new Set<string>();
  for (const metrics of [gateway, subgraph]) {
    for (const metric of await metrics.registry.getMetricsAsJSON()) {
      if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
      else names.add(metric.name);
    }
  }
  return names;
}

/** The metric names a PromQL expression reads (ours and Node's: asw_, nodejs_, process_). */
const referenced = (expr: string) => [...expr.matchAll(/\b((?:asw|nodejs|process)_[a-z0-9_]+)\b/g)].map(([, name]) => name);

const dashboardExprs = (): string[] => [
  ...dashboard.panels.flatMap((panel: { targets?: Array<{ expr: string }> }) => (panel.targets ?? []).map((target) => target.expr)),
  ...dashboard.templating.list.flatMap((variable: { query?: { query?: string } }) => (variable.query?.query ? [variable.query.query] : [])),
];

describe('the Grafana dashboard and the Prometheus alerts', () => {
  let served: Set<string>;
  beforeAll(async () => {
    served = await servedSeries();
  });

  it('the apps serve the request, refusal, event and pool metrics under these names', () => {
    for (const name of ['asw_graphql_request_duration_seconds_bucket', 'asw_graphql_errors_total', 'asw_refusals_total', 'asw_gateway_subgraph_fetch_duration_seconds_count', 'asw_events_dead_letters', 'asw_kafka_up', 'asw_db_pool_connections', 'nodejs_heap_size_used_bytes']) {
      expect(served).toContain(name);
    }
  });

  it('every alert reads only metrics the apps serve', () => {
    const unknown = alerts.groups.flatMap((group) => group.rules.flatMap((rule) => referenced(rule.expr).filter((name) => !served.has(name)).map((name) => `${rule.alert}: ${name}`)));
    expect(unknown).toEqual([]);
  });

  it('every dashboard query reads only metrics the apps serve', () => {
    const exprs = dashboardExprs();
    expect(exprs.length).toBeGreaterThan(15);
    const unknown = exprs.flatMap((expr) => referenced(expr).filter((name) => !served.has(name)));
    expect(unknown).toEqual([]);
  });

  it('alerts on what an operator must act on, each with a severity and a summary', () => {
    const rules = alerts.groups.flatMap((group) => group.rules);
    for (const rule of rules) {
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    const watched = rules.map((rule) => rule.expr).join('\n');
    for (const metric of ['asw_events_dead_letters', 'asw_events_outbox_oldest_pending_age_seconds', 'asw_events_consumer_lag', 'outcome="server_error"', 'ACCESS_LOG_UNAVAILABLE', 'asw_gateway_subgraph_up']) {
      expect(watched).toContain(metric);
    }
  });

  it('the dashboard shows traffic, latency, errors, refusals and the event pipeline', () => {
    const exprs = dashboardExprs().join('\n');
    for (const metric of ['asw_graphql_request_duration_seconds_count', 'asw_graphql_request_duration_seconds_bucket', 'asw_graphql_errors_total', 'asw_refusals_total', 'asw_events_outbox_pending', 'asw_events_consumer_lag', 'asw_events_dead_letters']) {
      expect(exprs).toContain(metric);
    }
    expect(new Set(dashboard.panels.map((panel: { id: number }) => panel.id)).size).toBe(dashboard.panels.length);
  });
});
