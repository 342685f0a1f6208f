import type { EventDefinition } from '../event-definition';
import {
  ActivationFactsRecorded,
  ActivationPlanSigned,
  CaseClosed,
  CaseOpened,
  CaseRelationshipsChanged,
  CaseStatusChanged,
  ClientAccessJustified,
  ClientPlanMade,
  ClientPlanReviewed,
  ClientRegistered,
  ContactRecorded,
  EurohisMeasurementRecorded,
  ResponsibleWorkerAssigned,
  ServiceDecisionMade,
  WorkerRegistered,
} from './case.events';
import {
  HousingSupportPeriodEnded,
  HousingSupportPeriodOpened,
  HousingSupportPeriodPlanned,
  HousingSupportPeriodStarted,
  PaymentIntermediaryAccountClosed,
  PaymentIntermediaryAccountOpened,
  RentArrearsReported,
  RepaymentPlanAgreed,
  SubleaseEnded,
  SubleaseStarted,
  SupportVisitDone,
} from './housing.events';
import {
  IncomeSupportApplicationRegistered,
  IncomeSupportApplicationUpdated,
  IncomeSupportDecisionMade,
  IncomeSupportRecoveryClaimChanged,
  IncomeSupportPaymentChanged,
  KelaNoticeReceived,
} from './benefits.events';
import { GroupAttendanceRecorded, GroupCapacityChanged, GroupEnrollmentChanged, GroupFacilitatorsChanged, GroupSessionsGenerated, RehabilitationGroupCreated } from './group.events';

export * from './catalog-fields';
export * from './case.events';
export * from './housing.events';
export * from './benefits.events';
export * from './group.events';

/** Every event type the services exchange. Consumers park what is neither here nor handled. */
export const eventCatalog: readonly EventDefinition<any>[] = [
  ClientRegistered,
  CaseOpened,
  CaseStatusChanged,
  CaseClosed,
  ResponsibleWorkerAssigned,
  CaseRelationshipsChanged,
  ClientAccessJustified,
  ServiceDecisionMade,
  ContactRecorded,
  ActivationPlanSigned,
  WorkerRegistered,
  ClientPlanMade,
  ClientPlanReviewed,
  EurohisMeasurementRecorded,
  ActivationFactsRecorded,
  HousingSupportPeriodOpened,
  HousingSupportPeriodEnded,
  SupportVisitDone,
  RentArrearsReported,
  HousingSupportPeriodPlanned,
  HousingSupportPeriodStarted,
  PaymentIntermediaryAccountOpened,
  PaymentIntermediaryAccountClosed,
  SubleaseStarted,
  SubleaseEnded,
  RepaymentPlanAgreed,
  KelaNoticeReceived,
  IncomeSupportApplicationRegistered,
  IncomeSupportApplicationUpdated,
  IncomeSupportDecisionMade,
  IncomeSupportRecoveryClaimChanged,
  GroupEnrollmentChanged,
  GroupAttendanceRecorded,
  RehabilitationGroupCreated,
  GroupSessionsGenerated,
  GroupFacilitatorsChanged,
  GroupCapacityChanged,
];
