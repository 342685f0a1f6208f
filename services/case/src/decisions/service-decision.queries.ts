import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { ServiceDecisionEntity } from './service-decision.entity';

@Injectable()
export class ServiceDecisionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Decisions of many cases in one query, oldest first. */
  async byCaseIds(caseIds: readonly string[]): Promise<ServiceDecisionEntity[][]> {
    const rows = await this.dataSource.getRepository(ServiceDecisionEntity).find({ where: { caseId: In([...caseIds]) }, order: { decidedAt: 'ASC', id: 'ASC' } });
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }
}
