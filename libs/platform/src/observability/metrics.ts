import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RefusalReason } from './request-scope';

/** What a request ended as: no errors, errors the caller caused (refusals among them), or errors of ours. */
export type RequestOutcome = 'ok' | 'client_error' | 'server_error';

/** Operation names come from callers: beyond this many distinct ones, new names count as `(other)`. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * The Prometheus metrics of one app (a subgraph or the gateway), with prom-client: its own registry
 * (tests run several apps in one process), labelled with the service, with Node's runtime metrics.
 * Every app registers the same request metrics, so one dashboard reads all of them.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'operation' | 'outcome'>;
  readonly graphqlErrors: Counter<'code'>;
  readonly refusals: Counter<'reason'>;
  private readonly beforeScrape: Array<() => Promise<void>> = [];
  private readonly operationNames = new Set<string>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'asw_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation name and outcome (ok, client_error, server_error): duration until the response finished.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.graphqlErrors = new Counter({ name: 'asw_graphql_errors_total', help: 'GraphQL errors in responses, by error code.', labelNames: ['code'], registers: [this.registry] });
    this.refusals = new Counter({
      name: 'asw_refusals_total',
      help: 'Requests refused, by reason (auth, rate_limit, limits, partner_allow_list, invalid_operation, body_too_large, access_policy).',
      labelNames: ['reason'],
      registers: [this.registry],
    });
  }

  /** A gauge of this app's registry. */
  gauge<L extends string>(options: { name: string; help: string; labelNames?: readonly L[]; collect?: (this: Gauge<L>) => void | Promise<void> }): Gauge<L> {
    return new Gauge<L>({ ...options, registers: [this.registry] });
  }

  counter<L extends string>(options: { name: string; help: string; labelNames?: readonly L[] }): Counter<L> {
    return new Counter<L>({ ...options, registers: [this.registry] });
  }

  histogram<L extends string>(options: { name: string; help: string; labelNames?: readonly L[]; buckets?: number[] }): Histogram<L> {
    return new Histogram<L>({ ...options, registers: [this.registry] });
  }

  /** Work to do once before each scrape (e.g. reading one snapshot that several metrics show). */
  onScrape(refresh: () => Promise<void>): void {
    this.beforeScrape.push(refresh);
  }

  /** The bounded operation label: the name, `(anonymous)`, or `(other)` once too many names were seen. */
  operationLabel(name: string | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }

  /** One finished GraphQL request. */
  observeRequest(request: { operationName?: string; outcome: RequestOutcome; seconds: number; errorCodes: string[]; refusal?: RefusalReason }): void {
    this.requestDuration.observe({ operation: this.operationLabel(request.operationName), outcome: request.outcome }, request.seconds);
    for (const code of request.errorCodes) this.graphqlErrors.inc({ code });
    if (request.refusal) this.refusals.inc({ reason: request.refusal });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text of everything registered (refreshing the snapshots first; a failing refresh leaves its metrics as they were). */
  async render(): Promise<string> {
    await Promise.all(this.beforeScrape.map((refresh) => refresh().catch(() => undefined)));
    return this.registry.metrics();
  }
}
