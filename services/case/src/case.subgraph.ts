import type { SubgraphDefinition } from '@asw/subgraph';
import { ActivationFactsEntity, IncomeSupportDecisionEntity } from './activation/activation.entity';
import { ActivationModule } from './activation/activation.module';
import { ActivationPlanEntity } from './activation-plans/activation-plan.entity';
import { ActivationPlansModule } from './activation-plans/activation-plans.module';
import { IncomeSupportDecisionMadeHandler } from './activation/income-support-decision-made.handler';
import { CaseCoWorkerEntity, CaseEntity, CaseStatusChangeEntity } from './cases/case.entity';
import { CasesModule } from './cases/cases.module';
import { ClientEntity } from './clients/client.entity';
import { ClientsModule } from './clients/clients.module';
import { CaseConfigModule } from './config/config.module';
import { ContactEntity } from './contacts/contact.entity';
import { ContactsModule } from './contacts/contacts.module';
import { GroupAttendanceRecordedHandler } from './contacts/group-attendance-recorded.handler';
import { SupportVisitDoneHandler } from './contacts/support-visit-done.handler';
import { DecisionsModule } from './decisions/decisions.module';
import { ServiceDecisionAppealEntity, ServiceDecisionDeliveryEntity, ServiceDecisionLetterEntity } from './decisions/decision-documents.entity';
import { ServiceDecisionDraftEntity, ServiceDecisionEntity } from './decisions/service-decision.entity';
import { KelaNoticeReceivedHandler } from './kela-notices/kela-notice-received.handler';
import { KelaNoticeEntity } from './kela-notices/kela-notice.entity';
import { KelaNoticesModule } from './kela-notices/kela-notices.module';
import { MeasurementEntity } from './measurements/measurement.entity';
import { MeasurementsModule } from './measurements/measurements.module';
import { Clients1763800000100 } from './migrations/1763800000100-clients.migration';
import { ClientIdentity1763800000101 } from './migrations/1763800000101-client-identity.migration';
import { Workers1763800000102 } from './migrations/1763800000102-workers.migration';
import { Cases1763800000103 } from './migrations/1763800000103-cases.migration';
import { ServiceDecisions1763800000104 } from './migrations/1763800000104-service-decisions.migration';
import { Contacts1763800000105 } from './migrations/1763800000105-contacts.migration';
import { KelaNotices1763800000106 } from './migrations/1763800000106-kela-notices.migration';
import { ClientPlans1763800000107 } from './migrations/1763800000107-client-plans.migration';
import { MeasurementsAndActivation1763800000108 } from './migrations/1763800000108-measurements-and-activation.migration';
import { ActivationPlans1763800000120 } from './migrations/1763800000120-activation-plans.migration';
import { CaseOpenedBy1763800000110 } from './migrations/1763800000110-case-opened-by.migration';
import { ActivationPlanSharedWith1763800000131 } from './migrations/1763800000131-activation-plan-shared-with.migration';
import { AccessPolicy1763800000130 } from './migrations/1763800000130-access-policy.migration';
import { AccessModule } from './access/access.module';
import { AccessLogRequestsModule } from './access-log-requests/access-log-requests.module';
import { ClientAccessLogRequests1763800000150 } from './migrations/1763800000150-client-access-log-requests.migration';
import { ClientHandlingTeamHandler } from './access/client-handling-team.handler';
import { JustifiedAccessModule } from './justified-access/justified-access.resolver';
import { DecisionLettersDeliveryAppeals1763800000132 } from './migrations/1763800000132-decision-letters-delivery-appeals.migration';
import { ActivationTriggers13842021_1763800000140 } from './migrations/1763800000140-activation-triggers-1384-2021.migration';
import { ServiceDecisionDrafts1763800000141 } from './migrations/1763800000141-service-decision-drafts.migration';
import { ClientPlanEntity, ClientPlanReviewEntity } from './plans/client-plan.entity';
import { PlansModule } from './plans/plans.module';
import { TimelineModule } from './timeline/timeline.module';
import { WorkerEntity } from './workers/worker.entity';
import { WorkersModule } from './workers/workers.module';
import { CASE_RETENTION } from './retention';

/** case (asiakkuus): owns Client and the client process. */
export const caseSubgraph: SubgraphDefinition = {
  name: 'case',
  // Owner of Client: also answers the auditor's clientAccessReport (libs/subgraph access log).
  ownsClient: true,
  modules: [CaseConfigModule, ClientsModule, WorkersModule, CasesModule, DecisionsModule, ContactsModule, KelaNoticesModule, PlansModule, MeasurementsModule, ActivationModule, ActivationPlansModule, TimelineModule, AccessModule, JustifiedAccessModule, AccessLogRequestsModule],
  entities: [
    ClientEntity,
    WorkerEntity,
    CaseEntity,
    CaseCoWorkerEntity,
    CaseStatusChangeEntity,
    ServiceDecisionEntity,
    ContactEntity,
    KelaNoticeEntity,
    ClientPlanEntity,
    ClientPlanReviewEntity,
    MeasurementEntity,
    ActivationFactsEntity,
    IncomeSupportDecisionEntity,
    ActivationPlanEntity,
    ServiceDecisionLetterEntity,
    ServiceDecisionDeliveryEntity,
    ServiceDecisionAppealEntity,
    ServiceDecisionDraftEntity,
  ],
  retention: CASE_RETENTION,
  migrations: [
    Clients1763800000100,
    ClientIdentity1763800000101,
    Workers1763800000102,
    Cases1763800000103,
    ServiceDecisions1763800000104,
    Contacts1763800000105,
    KelaNotices1763800000106,
    ClientPlans1763800000107,
    MeasurementsAndActivation1763800000108,
    ActivationPlans1763800000120,
    CaseOpenedBy1763800000110,
    AccessPolicy1763800000130,
    ActivationPlanSharedWith1763800000131,
    DecisionLettersDeliveryAppeals1763800000132,
    ActivationTriggers13842021_1763800000140,
    ServiceDecisionDrafts1763800000141,
    ClientAccessLogRequests1763800000150,
  ],
  eventHandlers: [KelaNoticeReceivedHandler, IncomeSupportDecisionMadeHandler, SupportVisitDoneHandler, GroupAttendanceRecordedHandler, ClientHandlingTeamHandler],
};
