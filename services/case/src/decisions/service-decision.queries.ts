import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { ServiceDecisionDraftEntity, ServiceDecisionEntity } from './service-decision.entity';

@Injectable()
export class ServiceDecisionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Decisions of many cases in one query, oldest first. */
  async byCaseIds(caseIds: readonly string[]): Promise<ServiceDecisionEntity[][]> {
    const rows = await this.dataSource.getRepository(ServiceDecisionEntity).find({ where: { caseId: In([...caseIds]) }, order: { decidedAt: 'ASC', id: 'ASC' } });
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }

  /** Decisions by id in one query, in the order asked; null for an id that names none. */
  async byIds(ids: readonly string[]): Promise<Array<ServiceDecisionEntity | null>> {
    const rows = await this.dataSource.getRepository(ServiceDecisionEntity).find({ where: { id: In([...ids]) } });
    return groupByKey(ids, rows, (row) => row.id).map((group) => group[0] ?? null);
  }

  /** Unsigned drafts of many cases in one query, oldest first. */
  async draftsByCaseIds(caseIds: readonly string[]): Promise<ServiceDecisionDraftEntity[][]> {
    const rows = await this.dataSource
      .getRepository(ServiceDecisionDraftEntity)
      .find({ where: { caseId: In([...caseIds]), signedDecisionId: IsNull() }, order: { draftedAt: 'ASC', id: 'ASC' } });
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }

  async caseOfDraft(draftId: string): Promise<{ caseId: string; clientId: string } | null> {
    return this.dataSource.getRepository(ServiceDecisionDraftEntity).findOne({ where: { id: draftId }, select: { caseId: true, clientId: true } });
  }
}
