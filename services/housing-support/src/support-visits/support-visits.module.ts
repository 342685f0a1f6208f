import { Module } from '@nestjs/common';
import { RecordSupportVisitCommand } from './support-visit.command';
import { SupportVisitQueries } from './support-visit.queries';
import { PeriodVisitsResolver, SupportVisitResolver } from './support-visit.resolver';

@Module({ providers: [RecordSupportVisitCommand, SupportVisitQueries, SupportVisitResolver, PeriodVisitsResolver] })
export class SupportVisitsModule {}
