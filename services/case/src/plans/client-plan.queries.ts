import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { ClientPlanEntity, ClientPlanReviewEntity } from './client-plan.entity';

@Injectable()
export class ClientPlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Plan versions by id, in the order asked (null where unknown). */
  async byIds(ids: readonly string[]): Promise<(ClientPlanEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ClientPlanEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

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
