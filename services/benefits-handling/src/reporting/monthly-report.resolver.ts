import { Injectable } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { parseLocalDate } from '@asw/calendar';
import { Ctx, GraphContext, LocalDateScalar, requireUser } from '@asw/subgraph';
import { ApplicationStatus, monthlyReport, ReportedApplication } from '../domain';
import { MonthlyReportRow } from './monthly-report.model';

@Injectable()
export class MonthlyReportQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The applications received or decided between the days (drafts have not been applied for, so they do not count). */
  async report(fromInput: string, toInput: string): Promise<MonthlyReportRow[]> {
    const from = parseLocalDate(fromInput, 'from');
    const to = parseLocalDate(toInput, 'to');
    // The rule validates the range (order, at most 60 months) before anything is read.
    monthlyReport([], from, to);
    const rows: Array<{ kind: ReportedApplication['kind']; queue: ReportedApplication['queue']; received_on: string; decided_on: string | null; decision_due_on: string | null }> =
      await this.dataSource.query(
        `SELECT kind, queue, received_on, decided_on, decision_due_on FROM income_support_application
          WHERE status <> $1 AND (received_on BETWEEN $2 AND $3 OR decided_on BETWEEN $2 AND $3)`,
        [ApplicationStatus.DRAFT, from, to],
      );
    return monthlyReport(
      rows.map((row) => ({ kind: row.kind, queue: row.queue, receivedOn: row.received_on, decidedOn: row.decided_on, decisionDueOn: row.decision_due_on })),
      from,
      to,
    );
  }
}

@Resolver(() => MonthlyReportRow)
export class MonthlyReportResolver {
  constructor(private readonly queries: MonthlyReportQueries) {}

  @Query(() => [MonthlyReportRow], {
    description: 'Kuukausiraportti: per month, kind and queue, applications received, decided, and decided within the statutory deadline (§14 a).',
  })
  incomeSupportMonthlyReport(
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Ctx() ctx: GraphContext,
  ): Promise<MonthlyReportRow[]> {
    requireUser(ctx.identity, 'SUPERVISOR', 'BENEFITS_HANDLER');
    return this.queries.report(from, to);
  }
}
