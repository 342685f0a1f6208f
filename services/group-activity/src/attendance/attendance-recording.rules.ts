import { badInput, conflict } from '@asw/platform';
import { AttendanceStatus } from '../domain';

/** A client's place in the group as days: enrolled from `enrolledOn`, to `endedOn` inclusive (null: still in). */
export interface PlaceInGroup {
  enrolledOn: string | null;
  endedOn: string | null;
}

/**
 * Attendance is recorded for a session that was held (its date is today or past), for a client who
 * had a place in the group that day (a waitlisted client had none), once per client and session.
 */
export function assertCanRecordAttendance(input: {
  sessionDate: string;
  today: string;
  status: AttendanceStatus;
  places: readonly PlaceInGroup[];
  alreadyRecorded: boolean;
}): void {
  if (!Object.values(AttendanceStatus).includes(input.status)) throw badInput('attendance must be PRESENT, ABSENT or EXCUSED', { field: 'attendance' });
  if (input.sessionDate > input.today) {
    throw badInput('attendance is recorded for sessions held: this session is in the future', { field: 'sessionId', sessionDate: input.sessionDate });
  }
  const hadPlace = input.places.some((p) => p.enrolledOn !== null && p.enrolledOn <= input.sessionDate && (p.endedOn === null || input.sessionDate <= p.endedOn));
  if (!hadPlace) throw conflict('the client had no place in the group on the day of the session', { reason: 'NOT_ENROLLED', sessionDate: input.sessionDate });
  if (input.alreadyRecorded) throw conflict('attendance is already recorded for this client and session', { reason: 'ALREADY_RECORDED' });
}
