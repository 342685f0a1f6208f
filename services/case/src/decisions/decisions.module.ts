import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceDecisionCommand } from './service-decision.command';
import { ServiceDecisionQueries } from './service-decision.queries';
import { CaseDecisionsResolver, ServiceDecisionResolver } from './service-decision.resolver';

@Module({ imports: [CasesModule], providers: [ServiceDecisionResolver, CaseDecisionsResolver, ServiceDecisionCommand, ServiceDecisionQueries], exports: [ServiceDecisionQueries] })
export class DecisionsModule {}
