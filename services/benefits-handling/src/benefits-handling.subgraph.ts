import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientReference } from './client-reference';
import { IncomeSupportApplicationEntity } from './income-support/income-support-application.entity';
import { IncomeSupportModule } from './income-support/income-support.module';
import { IncomeSupportApplications1763800000300 } from './migrations/1763800000300-income-support-applications.migration';

/** benefits-handling (etuuskäsittely): supplementary and preventive income support, Kela intake. */
export const benefitsHandlingSubgraph: SubgraphDefinition = {
  name: 'benefits-handling',
  modules: [IncomeSupportModule],
  entities: [IncomeSupportApplicationEntity],
  orphanedTypes: [ClientReference],
  migrations: [IncomeSupportApplications1763800000300],
};
