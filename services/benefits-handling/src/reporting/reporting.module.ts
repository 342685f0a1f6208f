import { Module } from '@nestjs/common';
import { MonthlyReportQueries, MonthlyReportResolver } from './monthly-report.resolver';

@Module({ providers: [MonthlyReportQueries, MonthlyReportResolver] })
export class ReportingModule {}
