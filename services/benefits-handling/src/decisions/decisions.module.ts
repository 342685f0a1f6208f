import { Module } from '@nestjs/common';
import { loadDecisionIssuingSettings } from '@asw/documents';
import { IncomeSupportModule } from '../income-support/income-support.module';
import { DecideApplicationCommand } from './decide-application.command';
import { IncomeSupportDecisionDeliveryCommands } from './decision-delivery.commands';
import { DECISION_ISSUING, IncomeSupportLetterIssuer } from './decision-letter.issuer';
import { DecisionQueries } from './decision.queries';
import { ApplicationDecisionsResolver, DecisionsResolver } from './decisions.resolver';

@Module({
  imports: [IncomeSupportModule],
  providers: [
    DecideApplicationCommand,
    IncomeSupportDecisionDeliveryCommands,
    DecisionQueries,
    DecisionsResolver,
    ApplicationDecisionsResolver,
    { provide: DECISION_ISSUING, useFactory: () => loadDecisionIssuingSettings() },
    IncomeSupportLetterIssuer,
  ],
})
export class DecisionsModule {}
