import { Module } from '@nestjs/common';
import { BenefitsAccess } from '../access';
import { ClientReferenceResolver } from '../client-reference';
import { KnownClientsModule } from '../known-clients/known-clients.module';
import { ApplicationQueries } from './application.queries';
import { ApplicationWorkflowCommands } from './application-workflow.commands';
import { ClientIncomeSupportResolver, IncomeSupportApplicationResolver } from './income-support.resolver';
import { RegisterApplicationCommand } from './register-application.command';
import { RentArrearsReportedHandler } from './rent-arrears-reported.handler';

@Module({
  imports: [KnownClientsModule],
  providers: [
    BenefitsAccess,
    ClientReferenceResolver,
    ClientIncomeSupportResolver,
    IncomeSupportApplicationResolver,
    ApplicationQueries,
    RegisterApplicationCommand,
    ApplicationWorkflowCommands,
    RentArrearsReportedHandler,
  ],
  exports: [BenefitsAccess, ApplicationQueries, RegisterApplicationCommand, RentArrearsReportedHandler],
})
export class IncomeSupportModule {}
