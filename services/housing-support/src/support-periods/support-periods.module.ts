import { Module } from '@nestjs/common';
import { CaseClosedHandler } from './case-closed.handler';
import { ServiceDecisionMadeHandler } from './service-decision-made.handler';
import { SupportPeriodCommands } from './support-period.command';
import { SupportPeriodQueries } from './support-period.queries';
import { ClientHousingSupportResolver, SupportPeriodResolver } from './support-period.resolver';
import { TermExpiryJob } from './term-expiry.job';

@Module({
  providers: [SupportPeriodCommands, SupportPeriodQueries, SupportPeriodResolver, ClientHousingSupportResolver, ServiceDecisionMadeHandler, CaseClosedHandler, TermExpiryJob],
  exports: [SupportPeriodCommands, SupportPeriodQueries, ServiceDecisionMadeHandler, CaseClosedHandler],
})
export class SupportPeriodsModule {}
