import type { Counter, Histogram } from 'prom-client';
import type { AppMetrics } from '@asw/platform';

/** The gateway's fetches from its subgraphs: latency by outcome, failures by kind. */
export interface SubgraphFetchMetrics {
  duration: Histogram<'subgraph' | 'outcome'>;
  errors: Counter<'subgraph' | 'kind'>;
}

export function subgraphFetchMetrics(metrics: AppMetrics): SubgraphFetchMetrics {
  return {
    duration: metrics.histogram({
      name: 'asw_gateway_subgraph_fetch_duration_seconds',
      help: 'The gateway\'s fetches from each subgraph, by outcome (ok, error: GraphQL errors in the answer, failed: no usable answer).',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    errors: metrics.counter({ name: 'asw_gateway_subgraph_fetch_errors_total', help: 'Failed subgraph fetches, by subgraph and kind (graphql_errors, request_failed).', labelNames: ['subgraph', 'kind'] }),
  };
}
