import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientEntity } from './clients/client.entity';
import { ClientsModule } from './clients/clients.module';
import { Clients1763800000100 } from './migrations/1763800000100-clients.migration';

/** case (asiakkuus): owns Client and the client process. */
export const caseSubgraph: SubgraphDefinition = {
  name: 'case',
  modules: [ClientsModule],
  entities: [ClientEntity],
  migrations: [Clients1763800000100],
};
