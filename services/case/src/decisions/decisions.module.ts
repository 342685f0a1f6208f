import { Module } from '@nestjs/common';
import { loadDecisionIssuingSettings } from '@asw/documents';
import { CasesModule } from '../cases/cases.module';
import { DecisionDeliveryCommands } from './decision-delivery.commands';
import { DecisionDocumentsQueries } from './decision-documents.queries';
import { DecisionDocumentsResolver } from './decision-documents.resolver';
import { DECISION_ISSUING, DecisionLetterIssuer } from './decision-letter.issuer';
import { ServiceDecisionCommand } from './service-decision.command';
import { ServiceDecisionQueries } from './service-decision.queries';
import { CaseDecisionsResolver, ServiceDecisionResolver } from './service-decision.resolver';

@Module({
  imports: [CasesModule],
  providers: [
    ServiceDecisionResolver,
    CaseDecisionsResolver,
    ServiceDecisionCommand,
    ServiceDecisionQueries,
    { provide: DECISION_ISSUING, useFactory: () => loadDecisionIssuingSettings() },
    DecisionLetterIssuer,
    DecisionDeliveryCommands,
    DecisionDocumentsQueries,
    DecisionDocumentsResolver,
  ],
  exports: [ServiceDecisionQueries, DecisionDocumentsQueries],
})
export class DecisionsModule {}
