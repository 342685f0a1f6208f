import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { GroupsModule } from '../groups/groups.module';
import { CaseClosedHandler } from './case-closed.handler';
import { DecisionExpiryJob } from './decision-expiry.job';
import { EnrollmentCommands } from './enrollment.command';
import { EnrollmentQueries } from './enrollment.queries';
import { ClientEnrollmentsResolver, EnrollmentResolver, GroupRosterResolver } from './enrollment.resolver';

@Module({
  imports: [EligibilityModule, GroupsModule],
  providers: [EnrollmentCommands, EnrollmentQueries, EnrollmentResolver, GroupRosterResolver, ClientEnrollmentsResolver, CaseClosedHandler, DecisionExpiryJob],
  exports: [CaseClosedHandler],
})
export class EnrollmentsModule {}
