import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { GroupEnrollmentEntity } from '../enrollments/enrollment.entity';
import { GroupSessionEntity, RehabilitationGroupEntity } from '../groups/group.entity';
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

  /** The group a session belongs to, if the client ever had a place in it: whose roster attendance is recorded on. */
  async rosterOf(sessionId: string, clientId: string): Promise<{ id: string; facilitatorIds: string[] } | null> {
    const session = await this.dataSource.getRepository(GroupSessionEntity).findOneBy({ id: sessionId });
    if (!session) return null;
    const onRoster = await this.dataSource.getRepository(GroupEnrollmentEntity).existsBy({ groupId: session.groupId, clientId });
    const group = onRoster ? await this.dataSource.getRepository(RehabilitationGroupEntity).findOneBy({ id: session.groupId }) : null;
    return group && { id: group.id, facilitatorIds: group.facilitatorIds };
  }
}
