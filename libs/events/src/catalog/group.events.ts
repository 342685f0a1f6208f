import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { id, isoDate, performedBy, timestamp } from './catalog-fields';

/** A client's place in a rehabilitation group changed: enrolled, waitlisted, promoted from the waitlist, or ended. */
export const GroupEnrollmentChanged = defineEvent({
  type: 'GroupEnrollmentChanged',
  version: 1,
  producer: 'group-activity',
  payload: z.object({ enrollmentId: id, groupId: id, clientId: id, status: z.enum(['ENROLLED', 'WAITLISTED', 'ENDED']), reason: z.string().nullable(), changedAt: timestamp }),
});

/** Attendance at a group session was recorded; a PRESENT one counts in case as a GROUP_SESSION contact. */
export const GroupAttendanceRecorded = defineEvent({
  type: 'GroupAttendanceRecorded',
  version: 1,
  producer: 'group-activity',
  payload: z.object({
    attendanceId: id,
    sessionId: id,
    groupId: id,
    clientId: id,
    attendance: z.enum(['PRESENT', 'ABSENT', 'EXCUSED']),
    sessionDate: isoDate,
    durationMinutes: z.number().int().positive().nullable(),
    performedBy,
  }),
});
