import type { SubgraphDefinition } from '@asw/subgraph';
import { AttendanceEntity } from './attendance/attendance.entity';
import { AttendanceModule } from './attendance/attendance.module';
import { ClientReference, ClientReferenceModule } from './client-reference';
import { ClientRegisteredHandler } from './eligibility/client-registered.handler';
import { EligibilityModule } from './eligibility/eligibility.module';
import { KnownClientEntity } from './eligibility/known-client.entity';
import { ServiceDecisionEntity } from './eligibility/service-decision.entity';
import { ServiceDecisionMadeHandler } from './eligibility/service-decision-made.handler';
import { CaseClosedHandler } from './enrollments/case-closed.handler';
import { GroupEnrollmentEntity } from './enrollments/enrollment.entity';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { GroupSessionEntity, RehabilitationGroupEntity } from './groups/group.entity';
import { GroupsModule } from './groups/groups.module';
import { KnownClients1763800000400 } from './migrations/1763800000400-known-clients.migration';
import { RehabilitationGroups1763800000401 } from './migrations/1763800000401-rehabilitation-groups.migration';
import { GroupTeam1763800000402 } from './migrations/1763800000402-group-team.migration';
import { GROUP_ACTIVITY_RETENTION } from './retention';

/** group-activity (ryhmätoiminta): rehabilitation groups, sessions, enrollment, attendance. */
export const groupActivitySubgraph: SubgraphDefinition = {
  name: 'group-activity',
  modules: [ClientReferenceModule, EligibilityModule, GroupsModule, EnrollmentsModule, AttendanceModule],
  entities: [KnownClientEntity, ServiceDecisionEntity, RehabilitationGroupEntity, GroupSessionEntity, GroupEnrollmentEntity, AttendanceEntity],
  orphanedTypes: [ClientReference],
  retention: GROUP_ACTIVITY_RETENTION,
  migrations: [KnownClients1763800000400, RehabilitationGroups1763800000401, GroupTeam1763800000402],
  eventHandlers: [ClientRegisteredHandler, ServiceDecisionMadeHandler, CaseClosedHandler],
};
