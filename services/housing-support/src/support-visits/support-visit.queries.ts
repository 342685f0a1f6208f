import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { SupportVisitEntity } from './support-visit.entity';

@Injectable()
export class SupportVisitQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The done visits of many periods in one query, in date order. */
  async visitsOf(periodIds: readonly string[]): Promise<SupportVisitEntity[][]> {
    const rows = await this.dataSource
      .getRepository(SupportVisitEntity)
      .find({ where: { periodId: In([...periodIds]) }, order: { visitedOn: 'ASC', recordedAt: 'ASC' } });
    return groupByKey(periodIds, rows, (row) => row.periodId);
  }
}
