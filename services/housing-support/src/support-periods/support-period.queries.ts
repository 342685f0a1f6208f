import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { HousingSupportPeriodEntity } from './support-period.entity';

@Injectable()
export class SupportPeriodQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Current and past periods of many clients in one query, newest first. */
  async periodsOf(clientIds: readonly string[]): Promise<HousingSupportPeriodEntity[][]> {
    const rows = await this.dataSource
      .getRepository(HousingSupportPeriodEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { openedAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  /** Periods by id in one query, in the order asked (null where unknown). */
  async byIds(ids: readonly string[]): Promise<(HousingSupportPeriodEntity | null)[]> {
    const rows = await this.dataSource.getRepository(HousingSupportPeriodEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
