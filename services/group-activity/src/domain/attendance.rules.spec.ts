import { DomainError } from '@asw/platform';
import { AttendanceRecord, attendanceRate, AttendanceStatus, attendanceSummary } from './attendance.rules';

const P = AttendanceStatus.PRESENT;
const A = AttendanceStatus.ABSENT;
const E = AttendanceStatus.EXCUSED;
const records = (statuses: AttendanceStatus[], clientId = 'c'): AttendanceRecord[] =>
  statuses.map((status, i) => ({ sessionId: `s${i + 1}`, clientId, status }));

describe('attendanceRate', () => {
  it.each([
    { statuses: [], rate: null },
    { statuses: [E, E], rate: null },
    { statuses: [P], rate: 1 },
    { statuses: [A], rate: 0 },
    { statuses: [P, A], rate: 0.5 },
    { statuses: [P, P, A], rate: 0.67 },
    { statuses: [P, A, A], rate: 0.33 },
    { statuses: [P, A, E], rate: 0.5 },
    { statuses: [P, P, P, P, P, P, P, A], rate: 0.88 },
    { statuses: [P, A, A, A, A, A, A, A], rate: 0.13 },
  ])('$statuses → $rate', ({ statuses, rate }) => {
    expect(attendanceRate(records(statuses))).toBe(rate);
  });

  it('refuses the same client twice at one session', () => {
    expect(() => attendanceRate([...records([P]), ...records([A])])).toThrow(DomainError);
  });
});

describe('attendanceSummary', () => {
  it('gives per-client and pooled group figures', () => {
    const all = [...records([P, P, E], 'b'), ...records([A, P, A], 'a')];
    expect(attendanceSummary(all)).toEqual({
      group: { present: 3, absent: 2, excused: 1, rate: 0.6 },
      byClient: [
        { clientId: 'a', present: 1, absent: 2, excused: 0, rate: 0.33 },
        { clientId: 'b', present: 2, absent: 0, excused: 1, rate: 1 },
      ],
    });
  });
});
