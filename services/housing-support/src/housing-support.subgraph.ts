import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientReference, ClientReferenceModule } from './client-reference';
import { PaymentIntermediaryAccountEntity, SubleaseEntity } from './housing-arrangements/housing-arrangement.entity';
import { HousingArrangementsModule } from './housing-arrangements/housing-arrangements.module';
import { HousingSupportPeriods1763800000200 } from './migrations/1763800000200-housing-support-periods.migration';
import { HousingSupportWork1763800000201 } from './migrations/1763800000201-housing-support-work.migration';
import { SupportPeriodDecisionValidity1763800000202 } from './migrations/1763800000202-support-period-decision-validity.migration';
import { RentArrearsEntity, RepaymentInstalmentEntity, RepaymentPaymentEntity } from './rent-arrears/rent-arrears.entity';
import { RentArrearsModule } from './rent-arrears/rent-arrears.module';
import { CaseClosedHandler } from './support-periods/case-closed.handler';
import { ServiceDecisionMadeHandler } from './support-periods/service-decision-made.handler';
import { HousingSupportPeriodEntity } from './support-periods/support-period.entity';
import { SupportPeriodsModule } from './support-periods/support-periods.module';
import { SupportVisitEntity } from './support-visits/support-visit.entity';
import { SupportVisitsModule } from './support-visits/support-visits.module';
import { HOUSING_SUPPORT_RETENTION } from './retention';

/** housing-support (asumissosiaalinen työ): support periods, visits, rent arrears, välitystili, subleases. */
export const housingSupportSubgraph: SubgraphDefinition = {
  name: 'housing-support',
  modules: [ClientReferenceModule, SupportPeriodsModule, SupportVisitsModule, HousingArrangementsModule, RentArrearsModule],
  entities: [
    HousingSupportPeriodEntity,
    SupportVisitEntity,
    PaymentIntermediaryAccountEntity,
    SubleaseEntity,
    RentArrearsEntity,
    RepaymentInstalmentEntity,
    RepaymentPaymentEntity,
  ],
  orphanedTypes: [ClientReference],
  retention: HOUSING_SUPPORT_RETENTION,
  migrations: [HousingSupportPeriods1763800000200, HousingSupportWork1763800000201, SupportPeriodDecisionValidity1763800000202],
  eventHandlers: [ServiceDecisionMadeHandler, CaseClosedHandler],
};
