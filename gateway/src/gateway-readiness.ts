import type { ApolloServerPlugin } from '@apollo/server';
import type { AppMetrics } from '@asw/platform';

export type SubgraphState = 'ready' | 'unready' | 'unreachable';

/** A subgraph's readiness URL: its GraphQL URL with /graphql replaced by /health/ready. */
export function readinessUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health/ready';
  url.search = '';
  return url.toString();
}

async function probe(url: string, timeoutMs: number): Promise<SubgraphState> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok ? 'ready' : 'unready';
  } catch {
    return 'unreachable';
  }
}

/**
 * The gateway is ready when it can plan (its supergraph schema is loaded) and reaches its subgraphs.
 * Each subgraph's own readiness shows in the detail and as asw_gateway_subgraph_up; one subgraph that
 * is down or unready does not take the gateway out of its Service (the rest of the graph still serves,
 * and that subgraph's fields fail with an error on their own), but a gateway that reaches none of its
 * subgraphs (a network policy, DNS, all of them down) is not ready.
 */
export class GatewayReadiness {
  private schemaLoaded = false;
  private readonly subgraphs = new Map<string, string>();
  private readonly up;

  constructor(metrics: AppMetrics, private readonly timeoutMs = 2_000) {
    const readiness = this;
    this.up = metrics.gauge({ name: 'asw_gateway_subgraph_up', help: 'Whether the subgraph answered the gateway\'s readiness probe as ready (1) or not (0).', labelNames: ['subgraph'] });
    metrics.gauge({
      name: 'asw_gateway_schema_loaded',
      help: 'Whether the gateway has loaded its supergraph and can plan operations (1) or not (0).',
      collect: function (this: { set(value: number): void }) {
        this.set(readiness.schemaLoaded ? 1 : 0);
      },
    });
    metrics.onScrape(async () => void (await this.probeSubgraphs()));
  }

  /** Called for each subgraph the gateway builds a data source for. */
  subgraph(name: string, graphqlUrl: string): void {
    this.subgraphs.set(name, readinessUrlOf(graphqlUrl));
  }

  /** Notes when Apollo Server has the gateway's schema (loaded from the supergraph, so it can plan). */
  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: () => {
          this.schemaLoaded = true;
        },
      }),
    };
  }

  private async probeSubgraphs(): Promise<Record<string, SubgraphState>> {
    const entries = await Promise.all([...this.subgraphs].map(async ([name, url]) => [name, await probe(url, this.timeoutMs)] as const));
    for (const [name, state] of entries) this.up.set({ subgraph: name }, state === 'ready' ? 1 : 0);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }

  async check(): Promise<{ status: 'ok' | 'unavailable'; checks: { schema: 'loaded' | 'missing'; subgraphs: Record<string, SubgraphState> } }> {
    const subgraphs = await this.probeSubgraphs();
    const reachable = Object.values(subgraphs).some((state) => state !== 'unreachable');
    return { status: this.schemaLoaded && reachable ? 'ok' : 'unavailable', checks: { schema: this.schemaLoaded ? 'loaded' : 'missing', subgraphs } };
  }
}
