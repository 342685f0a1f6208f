import type { ServiceName } from '@asw/events';
import type { SubgraphDefinition } from '@asw/subgraph';

export interface SubgraphEntry {
  name: ServiceName;
  /** Folder of the service, relative to the repository root; its entry point is `<dir>/src/main.ts`. */
  dir: string;
  /** Port in local runs; also the routing URL written into the supergraph. */
  port: number;
  /** Name of the service's own database in local runs. */
  database: string;
  /**
   * Loads the service's definition. Lazy on purpose: NestJS keeps GraphQL type metadata in one global
   * store per process, so one process holds one subgraph's types; tools that need several subgraphs'
   * schemas run each in its own process (`main.ts --print-schema`).
   */
  load(): Promise<SubgraphDefinition>;
}

/** The four subgraphs of the graph, in one list used by composition, the dev runner and the tests. */
export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'case',
    dir: 'services/case',
    port: 4001,
    database: 'asw_case',
    load: async () => (await import('../services/case/src/case.subgraph')).caseSubgraph,
  },
  {
    name: 'housing-support',
    dir: 'services/housing-support',
    port: 4002,
    database: 'asw_housing_support',
    load: async () => (await import('../services/housing-support/src/housing-support.subgraph')).housingSupportSubgraph,
  },
  {
    name: 'benefits-handling',
    dir: 'services/benefits-handling',
    port: 4003,
    database: 'asw_benefits_handling',
    load: async () => (await import('../services/benefits-handling/src/benefits-handling.subgraph')).benefitsHandlingSubgraph,
  },
  {
    name: 'group-activity',
    dir: 'services/group-activity',
    port: 4004,
    database: 'asw_group_activity',
    load: async () => (await import('../services/group-activity/src/group-activity.subgraph')).groupActivitySubgraph,
  },
];

export const GATEWAY_PORT = 4000;
export const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';

export function routingUrl(entry: SubgraphEntry): string {
  return `http://localhost:${entry.port}/graphql`;
}
