import { DomainError } from '@asw/platform';
import { AttendanceStatus } from '../domain';
import { assertCanRecordAttendance } from './attendance-recording.rules';

const base = {
  sessionDate: '2026-11-19',
  today: '2026-11-25',
  status: AttendanceStatus.PRESENT,
  places: [{ enrolledOn: '2026-11-01', endedOn: null }],
  alreadyRecorded: false,
};

function outcome(change: object): string {
  try {
    assertCanRecordAttendance({ ...base, ...change } as typeof base);
    return 'OK';
  } catch (error) {
    const e = error as DomainError;
    return `${e.code}${e.details?.reason ? `:${e.details.reason}` : ''}`;
  }
}

describe('assertCanRecordAttendance', () => {
  it.each([
    { name: 'a held session of an enrolled client', change: {}, expected: 'OK' },
    { name: 'a session today', change: { sessionDate: '2026-11-25' }, expected: 'OK' },
    { name: 'a client whose place ended on the session day', change: { places: [{ enrolledOn: '2026-11-01', endedOn: '2026-11-19' }] }, expected: 'OK' },
    { name: 'a future session', change: { sessionDate: '2026-11-26' }, expected: 'BAD_USER_INPUT' },
    { name: 'an unknown status', change: { status: 'LATE' }, expected: 'BAD_USER_INPUT' },
    { name: 'a client enrolled only after the session', change: { places: [{ enrolledOn: '2026-11-20', endedOn: null }] }, expected: 'CONFLICT:NOT_ENROLLED' },
    { name: 'a waitlisted client', change: { places: [{ enrolledOn: null, endedOn: null }] }, expected: 'CONFLICT:NOT_ENROLLED' },
    { name: 'a client whose place ended before', change: { places: [{ enrolledOn: '2026-11-01', endedOn: '2026-11-18' }] }, expected: 'CONFLICT:NOT_ENROLLED' },
    { name: 'a second record', change: { alreadyRecorded: true }, expected: 'CONFLICT:ALREADY_RECORDED' },
  ])('$name → $expected', ({ change, expected }) => {
    expect(outcome(change)).toBe(expected);
  });
});
