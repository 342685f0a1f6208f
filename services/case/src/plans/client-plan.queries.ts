import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { ClientPlanEntity, ClientPlanReviewEntity } from './client-plan.entity';

@Injectable()
export class ClientPlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Plan versions of many cases in one query, newest first. */
  async byCaseIds(caseIds: readonly string[]): Promise<ClientPlanEntity[][]> {
    const rows = await this.dataSource.getRepository(ClientPlanEntity).find({ where: { caseId: In([...caseIds]) }, order: { version: 'DESC' } });
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }

  /** Reviews of many plan versions in one query, oldest first. */
  async reviewsByPlanIds(planIds: readonly string[]): Promise<ClientPlanReviewEntity[][]> {
    const rows = await this.dataSource.getRepository(ClientPlanReviewEntity).find({ where: { planId: In([...planIds]) }, order: { reviewedOn: 'ASC', reviewedAt: 'ASC' } });
    return groupByKey(planIds, rows, (row) => row.planId);
  }
}
