import { Module } from '@nestjs/common';
import { SupportPeriodsModule } from '../support-periods/support-periods.module';
import { RecordSupportVisitCommand } from './support-visit.command';
import { SupportVisitQueries } from './support-visit.queries';
import { PeriodVisitsResolver, SupportVisitResolver } from './support-visit.resolver';

@Module({ imports: [SupportPeriodsModule], providers: [RecordSupportVisitCommand, SupportVisitQueries, SupportVisitResolver, PeriodVisitsResolver] })
export class SupportVisitsModule {}
