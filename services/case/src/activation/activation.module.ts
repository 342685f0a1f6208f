import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ActivationCommands } from './activation.command';
import { ActivationQueries } from './activation.queries';
import { ActivationResolver } from './activation.resolver';
import { IncomeSupportDecisionMadeHandler } from './income-support-decision-made.handler';

@Module({
  imports: [ClientsModule],
  providers: [ActivationResolver, ActivationCommands, ActivationQueries, IncomeSupportDecisionMadeHandler],
  exports: [IncomeSupportDecisionMadeHandler],
})
export class ActivationModule {}
