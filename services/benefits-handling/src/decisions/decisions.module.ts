import { Module } from '@nestjs/common';
import { DecideApplicationCommand } from './decide-application.command';
import { DecisionQueries } from './decision.queries';
import { ApplicationDecisionsResolver, DecisionsResolver } from './decisions.resolver';

@Module({ providers: [DecideApplicationCommand, DecisionQueries, DecisionsResolver, ApplicationDecisionsResolver] })
export class DecisionsModule {}
