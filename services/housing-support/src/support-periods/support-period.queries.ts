import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { notFound } from '@asw/platform';
import { groupByKey, justifiedClientsSql } from '@asw/subgraph';
import { SupportPeriodStatus } from '../domain';
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

  /**
   * Periods in a status whose client has a case the worker is on or their team holds, or an access with
   * justification of the worker's in force, newest first. A narrowing only (it reads no roles, no open
   * flags): the resolver's relationship filter decides.
   */
  async withStatusNear(status: SupportPeriodStatus, worker: { userId: string; team: string }): Promise<HousingSupportPeriodEntity[]> {
    return this.dataSource
      .getRepository(HousingSupportPeriodEntity)
      .createQueryBuilder('p')
      .where('p.status = :status', { status })
      .andWhere(
        `(p.client_id IN (SELECT r.client_id FROM case_relationships r WHERE r.named_worker = :userId OR :userId = ANY(r.co_workers) OR r.team = :team)
          OR p.client_id IN (${justifiedClientsSql(':userId')}))`,
        { userId: worker.userId, team: worker.team },
      )
      .orderBy('p.openedAt', 'DESC')
      .getMany();
  }
}
