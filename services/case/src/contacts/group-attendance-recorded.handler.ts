import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, GroupAttendanceRecorded, PayloadOf } from '@asw/events';
import { ContactType, WorkerRole } from '../domain';
import { ContactCommands } from './contact.command';
import { ContactSource } from './contact.entity';

type Payload = PayloadOf<typeof GroupAttendanceRecorded>;

/** A group session the client attended counts as a GROUP_SESSION contact; absences do not. */
@Injectable()
export class GroupAttendanceRecordedHandler implements EventHandler<Payload> {
  readonly event = GroupAttendanceRecorded;

  constructor(private readonly contacts: ContactCommands) {}

  async handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    if (payload.attendance !== 'PRESENT') return;
    await this.contacts.recordReported(manager, {
      source: ContactSource.GROUP_ACTIVITY,
      sourceId: payload.attendanceId,
      clientId: payload.clientId,
      type: ContactType.GROUP_SESSION,
      occurredOn: payload.sessionDate,
      durationMinutes: payload.durationMinutes,
      workerId: payload.performedBy.workerId,
      workerRole: payload.performedBy.workerRole as WorkerRole,
    });
  }
}
