import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { EventPublisher, GroupAttendanceRecorded } from '@asw/events';
import { notFound } from '@asw/platform';
import { AttendanceStatus } from '../domain';
import { groupWorker } from '../access-policy';
import { GroupEnrollmentEntity } from '../enrollments/enrollment.entity';
import { GroupSessionEntity } from '../groups/group.entity';
import { assertCanRecordAttendance } from './attendance-recording.rules';
import { AttendanceEntity } from './attendance.entity';

/** Records attendance and announces it (case counts a PRESENT one as a GROUP_SESSION contact), in one transaction. */
@Injectable()
export class RecordAttendanceCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  execute(sessionId: string, clientId: string, status: AttendanceStatus, worker: UserIdentity, correlationId: string): Promise<AttendanceEntity> {
    const by = groupWorker(worker);
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(GroupSessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw notFound('No group session with that id', { id: sessionId });
      const enrollments = await manager.findBy(GroupEnrollmentEntity, { groupId: session.groupId, clientId });
      const alreadyRecorded = await manager.existsBy(AttendanceEntity, { sessionId, clientId });
      const dayOf = (at: Date | null) => (at ? todayInFinland(at) : null);
      assertCanRecordAttendance({
        sessionDate: session.date,
        today: todayInFinland(),
        status,
        places: enrollments.map((row) => ({ enrolledOn: dayOf(row.enrolledAt), endedOn: dayOf(row.endedAt) })),
        alreadyRecorded,
      });
      const row = await manager.save(
        manager.create(AttendanceEntity, { id: randomUUID(), sessionId, groupId: session.groupId, clientId, status, recordedBy: by.workerId }),
      );
      await this.events.publish(
        manager,
        GroupAttendanceRecorded,
        {
          attendanceId: row.id,
          sessionId,
          groupId: session.groupId,
          clientId,
          attendance: status,
          sessionDate: session.date,
          durationMinutes: session.durationMinutes,
          performedBy: by,
        },
        { subject: clientId, correlationId },
      );
      return row;
    });
  }
}
