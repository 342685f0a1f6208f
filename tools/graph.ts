import type { SubgraphDefinition } from '@asw/subgraph';
import { caseSubgraph } from '../services/case/src/case.subgraph';
import { housingSupportSubgraph } from '../services/housing-support/src/housing-support.subgraph';
import { benefitsHandlingSubgraph } from '../services/benefits-handling/src/benefits-handling.subgraph';
import { groupActivitySubgraph } from '../services/group-activity/src/group-activity.subgraph';

export interface SubgraphEntry {
  definition: SubgraphDefinition;
  /** Folder of the service, relative to the repository root. */
  dir: string;
  /** Port in local runs; also the routing URL written into the supergraph. */
  port: number;
  /** Name of the service's own database in local runs. */
  database: string;
}

/** The four subgraphs of the graph, in one list used by composition, the dev runner and the tests. */
export const SUBGRAPHS: SubgraphEntry[] = [
  { definition: caseSubgraph, dir: 'services/case', port: 4001, database: 'asw_case' },
  { definition: housingSupportSubgraph, dir: 'services/housing-support', port: 4002, database: 'asw_housing_support' },
  { definition: benefitsHandlingSubgraph, dir: 'services/benefits-handling', port: 4003, database: 'asw_benefits_handling' },
  { definition: groupActivitySubgraph, dir: 'services/group-activity', port: 4004, database: 'asw_group_activity' },
];

export const GATEWAY_PORT = 4000;
export const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';

export function routingUrl(entry: SubgraphEntry): string {
  return `http://localhost:${entry.port}/graphql`;
}
