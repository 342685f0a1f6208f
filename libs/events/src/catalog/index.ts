import type { EventDefinition } from '../event-definition';
import { CaseClosed, CaseOpened, CaseRelationshipsChanged, CaseStatusChanged, ClientRegistered, ContactRecorded, ResponsibleWorkerAssigned, ServiceDecisionMade } from './case.events';
import { HousingSupportPeriodEnded, HousingSupportPeriodOpened, RentArrearsReported, SupportVisitDone } from './housing.events';
import {
  IncomeSupportApplicationRegistered,
  IncomeSupportApplicationUpdated,
  IncomeSupportDecisionMade,
  IncomeSupportRecoveryClaimChanged,
  KelaNoticeReceived,
} from './benefits.events';
import { GroupAttendanceRecorded, GroupEnrollmentChanged } from './group.events';

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
  ServiceDecisionMade,
  ContactRecorded,
  HousingSupportPeriodOpened,
  HousingSupportPeriodEnded,
  SupportVisitDone,
  RentArrearsReported,
  KelaNoticeReceived,
  IncomeSupportApplicationRegistered,
  IncomeSupportApplicationUpdated,
  IncomeSupportDecisionMade,
  IncomeSupportRecoveryClaimChanged,
  GroupEnrollmentChanged,
  GroupAttendanceRecorded,
];
