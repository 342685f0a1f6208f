import { DomainError } from '@asw/platform';
import { changeCapacity, endAllFor, enroll, EnrollmentEndReason, EnrollmentStatus, GroupRoster, leave, waitlistPosition } from './enrollment.rules';

const t = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
const empty = (capacity: number, groupId = 'g-1'): GroupRoster => ({ groupId, capacity, enrolled: [], waitlist: [] });

function run(roster: GroupRoster, steps: Array<[string, number]>): GroupRoster {
  return steps.reduce((r, [clientId, minute]) => enroll(r, clientId, t(minute)).roster, roster);
}

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('enroll', () => {
  it.each([
    { name: 'free place', before: [], capacity: 2, client: 'c', expected: { status: EnrollmentStatus.ENROLLED } },
    { name: 'last free place', before: [['a', 1]], capacity: 2, client: 'c', expected: { status: EnrollmentStatus.ENROLLED } },
    { name: 'full → first in queue', before: [['a', 1], ['b', 2]], capacity: 2, client: 'c', expected: { status: EnrollmentStatus.WAITLISTED, position: 1 } },
    {
      name: 'full → behind those waiting',
      before: [['a', 1], ['b', 2], ['d', 3]],
      capacity: 2,
      client: 'c',
      expected: { status: EnrollmentStatus.WAITLISTED, position: 2 },
    },
  ] as Array<{ name: string; before: Array<[string, number]>; capacity: number; client: string; expected: object }>)(
    '$name',
    ({ before, capacity, client, expected }) => {
      expect(enroll(run(empty(capacity), before), client, t(10)).result).toEqual(expected);
    },
  );

  it('queue keeps its turn even if a place looks free', () => {
    const roster: GroupRoster = { groupId: 'g', capacity: 2, enrolled: [{ clientId: 'a', enrolledAt: t(0) }], waitlist: [{ clientId: 'w', joinedAt: t(1) }] };
    expect(enroll(roster, 'c', t(2)).result).toEqual({ status: EnrollmentStatus.WAITLISTED, position: 2 });
  });

  it.each([
    ['enrolled', [['a', 1]] as Array<[string, number]>, EnrollmentStatus.ENROLLED],
    ['waitlisted', [['x', 0], ['a', 1]] as Array<[string, number]>, EnrollmentStatus.WAITLISTED],
  ])('refuses a client already %s', (_, before, status) => {
    const roster = run(empty(1), before);
    expect(caught(() => enroll(roster, 'a', t(5)))).toMatchObject({ code: 'CONFLICT', details: { status } });
  });

  it('orders the same instant by client id', () => {
    const roster = run(empty(1), [['a', 0], ['z', 1], ['m', 1]]);
    expect(roster.waitlist.map((w) => w.clientId)).toEqual(['m', 'z']);
    expect(waitlistPosition(roster, 'z')).toBe(2);
    expect(waitlistPosition(roster, 'a')).toBeNull();
  });
});

describe('leave', () => {
  const full = run(empty(2), [['a', 1], ['b', 2], ['c', 4], ['d', 3]]);
  it.each([
    { name: 'enrolled leaves → first waiting promoted', client: 'a', left: EnrollmentStatus.ENROLLED, promoted: 'd', enrolled: ['b', 'd'], waitlist: ['c'] },
    { name: 'waiting leaves → nobody promoted', client: 'd', left: EnrollmentStatus.WAITLISTED, promoted: null, enrolled: ['a', 'b'], waitlist: ['c'] },
  ])('$name', ({ client, left, promoted, enrolled, waitlist }) => {
    const result = leave(full, client, t(30));
    expect(result.left).toBe(left);
    expect(result.promoted).toBe(promoted);
    expect(result.roster.enrolled.map((e) => e.clientId)).toEqual(enrolled);
    expect(result.roster.waitlist.map((w) => w.clientId)).toEqual(waitlist);
  });

  it('promoted client is enrolled as of the leave time', () => {
    expect(leave(full, 'a', t(30)).roster.enrolled.find((e) => e.clientId === 'd')?.enrolledAt).toEqual(t(30));
  });

  it('no queue → place stays free', () => {
    expect(leave(run(empty(2), [['a', 1]]), 'a', t(2))).toMatchObject({ promoted: null, roster: { enrolled: [], waitlist: [] } });
  });

  it('unknown client → NOT_FOUND', () => {
    expect(caught(() => leave(full, 'zz', t(30))).code).toBe('NOT_FOUND');
  });
});

describe('endAllFor', () => {
  it('ends enrollments and waitlist entries across groups, promoting where a place frees', () => {
    const g1 = run(empty(1, 'g1'), [['x', 1], ['w', 2]]);
    const g2 = run(empty(1, 'g2'), [['a', 1], ['x', 2]]);
    const g3 = run(empty(3, 'g3'), [['a', 1]]);
    const { rosters, ended } = endAllFor([g1, g2, g3], 'x', t(50), EnrollmentEndReason.CASE_CLOSED);
    expect(ended).toEqual([
      { groupId: 'g1', clientId: 'x', was: EnrollmentStatus.ENROLLED, reason: EnrollmentEndReason.CASE_CLOSED, promoted: 'w' },
      { groupId: 'g2', clientId: 'x', was: EnrollmentStatus.WAITLISTED, reason: EnrollmentEndReason.CASE_CLOSED, promoted: null },
    ]);
    expect(rosters[2]).toBe(g3);
    expect(rosters.flatMap((r) => [...r.enrolled.map((e) => e.clientId), ...r.waitlist.map((w) => w.clientId)])).not.toContain('x');
  });

  it('is idempotent', () => {
    const g1 = run(empty(1, 'g1'), [['x', 1]]);
    const once = endAllFor([g1], 'x', t(50), EnrollmentEndReason.DECISION_EXPIRED);
    const twice = endAllFor(once.rosters, 'x', t(51), EnrollmentEndReason.DECISION_EXPIRED);
    expect(twice.ended).toEqual([]);
    expect(twice.rosters).toEqual(once.rosters);
  });
});

describe('changeCapacity', () => {
  const roster = run(empty(1), [['a', 1], ['b', 2], ['c', 3]]);
  it.each([
    { capacity: 1, promoted: [] },
    { capacity: 2, promoted: ['b'] },
    { capacity: 5, promoted: ['b', 'c'] },
  ])('to $capacity promotes $promoted', ({ capacity, promoted }) => {
    expect(changeCapacity(roster, capacity, t(9)).promoted).toEqual(promoted);
  });

  it.each([
    [run(empty(2), [['a', 1], ['b', 2]]), 1, 'CONFLICT'],
    [roster, 0, 'BAD_USER_INPUT'],
    [roster, 51, 'BAD_USER_INPUT'],
  ])('refuses (%#) capacity %i with %s', (r, capacity, code) => {
    expect(caught(() => changeCapacity(r, capacity, t(9))).code).toBe(code);
  });
});
