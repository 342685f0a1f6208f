import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { groupByKey } from '@asw/subgraph';
import { ApplicationStatus, ProcessingQueue } from '../domain';
import { ClaimedExpenseEntity, CompletionRequestEntity, IncomeSupportApplicationEntity } from './income-support-application.entity';

export interface QueueCountRow {
  queue: ProcessingQueue;
  open: number;
  overdue: number;
  unassigned: number;
}

/** Reads of applications; every list is one query for many keys (the batches behind the loaders). */
@Injectable()
export class ApplicationQueries {
  constructor(private readonly dataSource: DataSource) {}

  private get applications() {
    return this.dataSource.getRepository(IncomeSupportApplicationEntity);
  }

  async byId(id: string): Promise<IncomeSupportApplicationEntity | null> {
    return this.applications.findOneBy({ id });
  }

  /** Applications of many clients in one query, newest first. */
  async applicationsOf(clientIds: readonly string[]): Promise<IncomeSupportApplicationEntity[][]> {
    const rows = await this.applications.find({ where: { clientId: In([...clientIds]) }, order: { receivedOn: 'DESC', createdAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  async claimedExpensesOf(applicationIds: readonly string[]): Promise<ClaimedExpenseEntity[][]> {
    const rows = await this.dataSource.getRepository(ClaimedExpenseEntity).find({ where: { applicationId: In([...applicationIds]) }, order: { position: 'ASC' } });
    return groupByKey(applicationIds, rows, (row) => row.applicationId);
  }

  async completionRequestsOf(applicationIds: readonly string[]): Promise<CompletionRequestEntity[][]> {
    const rows = await this.dataSource
      .getRepository(CompletionRequestEntity)
      .find({ where: { applicationId: In([...applicationIds]) }, order: { requestedOn: 'ASC', createdAt: 'ASC' } });
    return groupByKey(applicationIds, rows, (row) => row.applicationId);
  }

  /** A forwarded application by Kela's reference: the only thing Kela may look up. */
  async forwardedByKela(reference: string): Promise<IncomeSupportApplicationEntity | null> {
    return this.applications.findOneBy({ kelaReference: reference });
  }

  /** Open applications of a queue by due date (so the overdue come first), then arrival; of one team's queue when a team is given. */
  async openInQueue(queue: ProcessingQueue, assignedHandlerId: string | null, handlingTeam: string | null): Promise<IncomeSupportApplicationEntity[]> {
    const query = this.applications
      .createQueryBuilder('a')
      .where('a.queue = :queue', { queue })
      .andWhere('a.status <> :decided', { decided: ApplicationStatus.DECIDED })
      .orderBy('a.decision_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('a.received_on', 'ASC')
      .addOrderBy('a.created_at', 'ASC');
    if (handlingTeam !== null) query.andWhere('a.handling_team = :handlingTeam', { handlingTeam });
    if (assignedHandlerId !== null) query.andWhere('a.assigned_handler_id = :assignedHandlerId', { assignedHandlerId });
    return query.getMany();
  }

  /** Open, overdue and unassigned per queue of one team, every queue listed. */
  async queueCounts(today: LocalDate, handlingTeam: string): Promise<QueueCountRow[]> {
    const rows: Array<{ queue: ProcessingQueue; open: string; overdue: string; unassigned: string }> = await this.dataSource.query(
      `SELECT queue, count(*) AS open,
              count(*) FILTER (WHERE decision_due_on < $2) AS overdue,
              count(*) FILTER (WHERE assigned_handler_id IS NULL) AS unassigned
         FROM income_support_application WHERE status <> $1 AND handling_team = $3 GROUP BY queue`,
      [ApplicationStatus.DECIDED, today, handlingTeam],
    );
    return Object.values(ProcessingQueue).map((queue) => {
      const row = rows.find((r) => r.queue === queue);
      return { queue, open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), unassigned: Number(row?.unassigned ?? 0) };
    });
  }
}
