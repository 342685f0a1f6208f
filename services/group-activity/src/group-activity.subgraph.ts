import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientReference } from './client-reference';
import { ClientRegisteredHandler } from './eligibility/client-registered.handler';
import { EligibilityModule } from './eligibility/eligibility.module';
import { KnownClientEntity } from './eligibility/known-client.entity';
import { KnownClients1763800000400 } from './migrations/1763800000400-known-clients.migration';

/** group-activity (ryhmätoiminta): rehabilitation groups, sessions, enrollment, attendance. */
export const groupActivitySubgraph: SubgraphDefinition = {
  name: 'group-activity',
  modules: [EligibilityModule],
  entities: [KnownClientEntity],
  orphanedTypes: [ClientReference],
  migrations: [KnownClients1763800000400],
  eventHandlers: [ClientRegisteredHandler],
};
