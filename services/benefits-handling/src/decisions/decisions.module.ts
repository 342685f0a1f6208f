import { Module } from '@nestjs/common';
import { IncomeSupportModule } from '../income-support/income-support.module';
import { DecideApplicationCommand } from './decide-application.command';
import { DecisionQueries } from './decision.queries';
import { ApplicationDecisionsResolver, DecisionsResolver } from './decisions.resolver';

@Module({ imports: [IncomeSupportModule], providers: [DecideApplicationCommand, DecisionQueries, DecisionsResolver, ApplicationDecisionsResolver] })
export class DecisionsModule {}
