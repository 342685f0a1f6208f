import { Module } from '@nestjs/common';
import { ClientRegisteredHandler } from './client-registered.handler';
import { EligibilityReadModel } from './eligibility.read-model';
import { ClientEligibilityResolver } from './eligibility.resolver';
import { ServiceDecisionMadeHandler } from './service-decision-made.handler';

@Module({
  providers: [EligibilityReadModel, ClientEligibilityResolver, ClientRegisteredHandler, ServiceDecisionMadeHandler],
  exports: [EligibilityReadModel, ClientRegisteredHandler, ServiceDecisionMadeHandler],
})
export class EligibilityModule {}
