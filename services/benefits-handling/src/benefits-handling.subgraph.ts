import type { SubgraphDefinition } from '@asw/subgraph';
import { ClientReference } from './client-reference';
import { BenefitsConfigModule } from './config/config.module';
import {
  DecisionLineEntity, IncomeSupportDecisionAppealEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionEntity, IncomeSupportDecisionLetterEntity,
} from './decisions/income-support-decision.entity';
import { DecisionsModule } from './decisions/decisions.module';
import { ClaimedExpenseEntity, CompletionRequestEntity, IncomeSupportApplicationEntity } from './income-support/income-support-application.entity';
import { IncomeSupportModule } from './income-support/income-support.module';
import { RentArrearsReportedHandler } from './income-support/rent-arrears-reported.handler';
import { KelaIntakeModule } from './kela-intake/kela-intake.module';
import { KelaNoticeEntity } from './kela-intake/kela-notice.entity';
import { ClientRegisteredHandler } from './known-clients/client-registered.handler';
import { KnownClientEntity } from './known-clients/known-client.entity';
import { KnownClientsModule } from './known-clients/known-clients.module';
import { IncomeSupportApplications1763800000300 } from './migrations/1763800000300-income-support-applications.migration';
import { KelaIntakeAndApplications1763800000301 } from './migrations/1763800000301-kela-intake-and-applications.migration';
import { Decisions1763800000302 } from './migrations/1763800000302-decisions.migration';
import { Rates1763800000303 } from './migrations/1763800000303-rates.migration';
import { RecoveryClaims1763800000304 } from './migrations/1763800000304-recovery-claims.migration';
import { HandlingTeam1763800000305 } from './migrations/1763800000305-handling-team.migration';
import { RecoveryDebtor1763800000306 } from './migrations/1763800000306-recovery-debtor.migration';
import { DecisionLettersPayments1763800000310 } from './migrations/1763800000310-decision-letters-payments.migration';
import { DecisionDeliveryAppeals1763800000320 } from './migrations/1763800000320-decision-delivery-appeals.migration';
import { ApplicationLanguage1763800000321 } from './migrations/1763800000321-application-language.migration';
import { IncomeSupportPaymentEntity, PaymentBatchEntity } from './payments/payment.entity';
import { PaymentsModule } from './payments/payments.module';
import { IncomeSupportRateEntity } from './rates/income-support-rate.entity';
import { RatesModule } from './rates/rates.module';
import { RecoveryClaimEntity } from './recovery/recovery-claim.entity';
import { RecoveryModule } from './recovery/recovery.module';
import { ReportingModule } from './reporting/reporting.module';
import { BENEFITS_HANDLING_RETENTION } from './retention';

/** benefits-handling (etuuskäsittely): supplementary and preventive income support, Kela intake. */
export const benefitsHandlingSubgraph: SubgraphDefinition = {
  name: 'benefits-handling',
  modules: [BenefitsConfigModule, KnownClientsModule, IncomeSupportModule, KelaIntakeModule, DecisionsModule, PaymentsModule, RecoveryModule, RatesModule, ReportingModule],
  entities: [
    KnownClientEntity,
    IncomeSupportApplicationEntity,
    ClaimedExpenseEntity,
    CompletionRequestEntity,
    KelaNoticeEntity,
    IncomeSupportDecisionEntity,
    DecisionLineEntity,
    IncomeSupportRateEntity,
    RecoveryClaimEntity,
    IncomeSupportDecisionLetterEntity,
    IncomeSupportDecisionDeliveryEntity,
    IncomeSupportDecisionAppealEntity,
    IncomeSupportPaymentEntity,
    PaymentBatchEntity,
  ],
  orphanedTypes: [ClientReference],
  retention: BENEFITS_HANDLING_RETENTION,
  migrations: [IncomeSupportApplications1763800000300, KelaIntakeAndApplications1763800000301, Decisions1763800000302, Rates1763800000303, RecoveryClaims1763800000304, HandlingTeam1763800000305, RecoveryDebtor1763800000306, DecisionLettersPayments1763800000310, DecisionDeliveryAppeals1763800000320, ApplicationLanguage1763800000321],
  eventHandlers: [ClientRegisteredHandler, RentArrearsReportedHandler],
};
