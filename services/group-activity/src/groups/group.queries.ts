import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { GroupSessionEntity, RehabilitationGroupEntity } from './group.entity';

@Injectable()
export class GroupQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Groups by id in one query, in the order asked (null where unknown). */
  async byIds(ids: readonly string[]): Promise<(RehabilitationGroupEntity | null)[]> {
    const rows = await this.dataSource.getRepository(RehabilitationGroupEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Groups still running on or after `date`, soonest first. */
  running(date: string): Promise<RehabilitationGroupEntity[]> {
    return this.dataSource.getRepository(RehabilitationGroupEntity).find({ where: { endsOn: MoreThanOrEqual(date) }, order: { startsOn: 'ASC', name: 'ASC' } });
  }

  /** Sessions of many groups in one query, in order. */
  async sessionsOf(groupIds: readonly string[]): Promise<GroupSessionEntity[][]> {
    const rows = await this.dataSource.getRepository(GroupSessionEntity).find({ where: { groupId: In([...groupIds]) }, order: { sequence: 'ASC' } });
    return groupByKey(groupIds, rows, (row) => row.groupId);
  }
}
