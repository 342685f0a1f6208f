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

// The group's own events: a group is the unit's work, not a client's data, so these carry no client,
// no group name and no personal data. Subject (and Kafka key): the group id, so one group's events stay ordered.

const groupKind = z.enum(['IN_PERSON_WEEKLY', 'REMOTE_PERIOD']);
/** Worker ids (user ids as tokens carry them) of the group's facilitators (ohjaajat). */
const facilitatorIds = z.array(z.string().min(1)).min(1);

/** A rehabilitation group was created; its sessions follow in `GroupSessionsGenerated` (same transaction). */
export const RehabilitationGroupCreated = defineEvent({
  type: 'RehabilitationGroupCreated',
  version: 1,
  producer: 'group-activity',
  payload: z.object({
    groupId: id,
    kind: groupKind,
    capacity: z.number().int().positive(),
    startsOn: isoDate,
    endsOn: isoDate,
    facilitatorIds,
    createdBy: z.string().min(1),
    createdAt: timestamp,
  }),
});

/** The sessions (tapaamiskerrat) a group's schedule gave, in order. */
export const GroupSessionsGenerated = defineEvent({
  type: 'GroupSessionsGenerated',
  version: 1,
  producer: 'group-activity',
  payload: z.object({
    groupId: id,
    sessions: z
      .array(
        z.object({
          sessionId: id,
          sequence: z.number().int().positive(),
          date: isoDate,
          startTime: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM'),
          durationMinutes: z.number().int().positive(),
          theme: z.enum(['SELF_CARE', 'GREEN_CARE', 'GETTING_TO_KNOW_SERVICES', 'OTHER']),
        }),
      )
      .min(1),
    generatedAt: timestamp,
  }),
});

/** The group's facilitators were replaced. */
export const GroupFacilitatorsChanged = defineEvent({
  type: 'GroupFacilitatorsChanged',
  version: 1,
  producer: 'group-activity',
  payload: z.object({ groupId: id, facilitatorIds, previousFacilitatorIds: facilitatorIds, changedBy: z.string().min(1), changedAt: timestamp }),
});

/** The group's number of places changed; places given from the waitlist follow as `GroupEnrollmentChanged`. */
export const GroupCapacityChanged = defineEvent({
  type: 'GroupCapacityChanged',
  version: 1,
  producer: 'group-activity',
  payload: z.object({ groupId: id, capacity: z.number().int().positive(), previousCapacity: z.number().int().positive(), changedBy: z.string().min(1), changedAt: timestamp }),
});
