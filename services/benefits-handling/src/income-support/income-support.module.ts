import { Module } from '@nestjs/common';
import { CLIENT_READ_GATE } from '@asw/subgraph';
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
    // Benefits handlers reach a client's applications through their team's queue too.
    { provide: CLIENT_READ_GATE, useExisting: BenefitsAccess },
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
