import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientReference } from './client-reference';
import { HousingSupportPeriodEntity } from './housing-support/housing-support-period.entity';
import { HousingSupportModule } from './housing-support/housing-support.module';
import { HousingSupportPeriods1763800000200 } from './migrations/1763800000200-housing-support-periods.migration';

/** housing-support (asumissosiaalinen työ): support periods, visits, rent arrears, välitystili, subleases. */
export const housingSupportSubgraph: SubgraphDefinition = {
  name: 'housing-support',
  modules: [HousingSupportModule],
  entities: [HousingSupportPeriodEntity],
  orphanedTypes: [ClientReference],
  migrations: [HousingSupportPeriods1763800000200],
};
