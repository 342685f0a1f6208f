import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { AttendanceEntity } from './attendance.entity';

@Injectable()
export class AttendanceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Attendance of many groups in one query. */
  async ofGroups(groupIds: readonly string[]): Promise<AttendanceEntity[][]> {
    const rows = await this.dataSource.getRepository(AttendanceEntity).findBy({ groupId: In([...groupIds]) });
    return groupByKey(groupIds, rows, (row) => row.groupId);
  }

  /** Attendance of many sessions in one query. */
  async ofSessions(sessionIds: readonly string[]): Promise<AttendanceEntity[][]> {
    const rows = await this.dataSource.getRepository(AttendanceEntity).find({ where: { sessionId: In([...sessionIds]) }, order: { recordedAt: 'ASC' } });
    return groupByKey(sessionIds, rows, (row) => row.sessionId);
  }
}
