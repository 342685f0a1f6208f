import { badInput } from '@asw/platform';

/** Läsnäolo: attendance recorded for a client at a held session. */
export enum AttendanceStatus {
  /** Läsnä. */
  PRESENT = 'PRESENT',
  /** Poissa (ilmoittamatta). */
  ABSENT = 'ABSENT',
  /** Poissa, ilmoitettu / hyväksytty syy (e.g. a doctor's appointment). */
  EXCUSED = 'EXCUSED',
}

export interface AttendanceRecord {
  sessionId: string;
  clientId: string;
  status: AttendanceStatus;
}

export interface AttendanceSummary {
  present: number;
  absent: number;
  excused: number;
  /** present / (present + absent), 2 decimals; null when nothing counts yet. */
  rate: number | null;
}

/**
 * Attendance rate = present / (present + absent). Excused absences are left out of the denominator:
 * in social rehabilitation the rate follows engagement, and an absence agreed beforehand is not a
 * lapse in it. Only recorded sessions count (attendance is recorded for sessions that were held), so
 * "sessions held so far" is the set of records passed in. Rounded half up to 2 decimals (0.67).
 */
export function attendanceRate(records: readonly AttendanceRecord[]): number | null {
  assertUnique(records);
  return summarise(records).rate;
}

function summarise(records: readonly AttendanceRecord[]): AttendanceSummary {
  let present = 0;
  let absent = 0;
  let excused = 0;
  for (const record of records) {
    if (record.status === AttendanceStatus.PRESENT) present++;
    else if (record.status === AttendanceStatus.ABSENT) absent++;
    else if (record.status === AttendanceStatus.EXCUSED) excused++;
    else throw badInput('unknown attendance status', { field: 'status', sessionId: record.sessionId });
  }
  const counted = present + absent;
  return { present, absent, excused, rate: counted === 0 ? null : Math.round((present * 100) / counted) / 100 };
}

/** One record per client per session: a second one would count twice. */
function assertUnique(records: readonly AttendanceRecord[]): void {
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.sessionId}\u0000${r.clientId}`;
    if (seen.has(key)) throw badInput('attendance recorded twice for the same client and session', { sessionId: r.sessionId, clientId: r.clientId });
    seen.add(key);
  }
}

/** Per-client summaries (sorted by client id) and the group's pooled summary over all its records. */
export function attendanceSummary(records: readonly AttendanceRecord[]): {
  group: AttendanceSummary;
  byClient: Array<{ clientId: string } & AttendanceSummary>;
} {
  assertUnique(records);
  const byClient = new Map<string, AttendanceRecord[]>();
  for (const r of records) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  return {
    group: summarise(records),
    byClient: [...byClient.keys()].sort().map((clientId) => ({ clientId, ...summarise(byClient.get(clientId)!) })),
  };
}
