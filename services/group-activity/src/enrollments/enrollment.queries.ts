import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { waitlistPosition } from '../domain';
import { GroupEnrollmentEntity, GroupEnrollmentStatus, rosterOf } from './enrollment.entity';

@Injectable()
export class EnrollmentQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Places, queue entries and ended ones of many clients in one query, newest first. */
  async enrollmentsOf(clientIds: readonly string[]): Promise<GroupEnrollmentEntity[][]> {
    const rows = await this.dataSource
      .getRepository(GroupEnrollmentEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { joinedAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  /** Open places of many groups in one query. */
  async openOf(groupIds: readonly string[]): Promise<GroupEnrollmentEntity[][]> {
    const rows = await this.dataSource
      .getRepository(GroupEnrollmentEntity)
      .find({ where: { groupId: In([...groupIds]), status: In([GroupEnrollmentStatus.ENROLLED, GroupEnrollmentStatus.WAITLISTED]) }, order: { joinedAt: 'ASC' } });
    return groupByKey(groupIds, rows, (row) => row.groupId);
  }
}

/** 1-based place in the queue of a waitlisted enrollment, from its group's open rows. */
export function positionIn(open: readonly GroupEnrollmentEntity[], enrollment: GroupEnrollmentEntity): number | null {
  if (enrollment.status !== GroupEnrollmentStatus.WAITLISTED) return null;
  return waitlistPosition(rosterOf(enrollment.groupId, 0, open), enrollment.clientId);
}
