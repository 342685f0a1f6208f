import { Module } from '@nestjs/common';
import { ClientReferenceResolver } from '../client-reference';
import { ClientRegisteredHandler } from './client-registered.handler';
import { ClientEligibilityResolver, EligibilityQueries } from './eligibility.resolver';

@Module({
  providers: [ClientReferenceResolver, ClientEligibilityResolver, EligibilityQueries, ClientRegisteredHandler],
  exports: [ClientRegisteredHandler],
})
export class EligibilityModule {}
