import { badInput, conflict, notFound } from '@asw/platform';

/**
 * Ilmoittautuminen ja jonotus: places in a group and its waitlist, as plain data in and out. The
 * caller checks eligibility (assertEligible) first; these rules only keep the roster consistent:
 * nobody twice, never over capacity, a freed place goes to the longest-waiting client.
 */

export enum EnrollmentStatus {
  /** Ryhmässä. */
  ENROLLED = 'ENROLLED',
  /** Jonossa. */
  WAITLISTED = 'WAITLISTED',
}

/** Why an enrollment or waitlist entry ended. */
export enum EnrollmentEndReason {
  /** Asiakas jäi pois ryhmästä. */
  LEFT = 'LEFT',
  /** Asiakkuus päättyi (PRODUCT.md flow 6: nothing left dangling). */
  CASE_CLOSED = 'CASE_CLOSED',
  /** Päätös sosiaalisesta kuntoutuksesta päättyi. */
  DECISION_EXPIRED = 'DECISION_EXPIRED',
}

export interface Enrollment {
  clientId: string;
  enrolledAt: Date;
}

export interface WaitlistEntry {
  clientId: string;
  joinedAt: Date;
}

/** One group's places: who is in and who waits, waitlist in FIFO order. */
export interface GroupRoster {
  groupId: string;
  capacity: number;
  enrolled: readonly Enrollment[];
  waitlist: readonly WaitlistEntry[];
}

export type EnrollResult = { status: EnrollmentStatus.ENROLLED } | { status: EnrollmentStatus.WAITLISTED; position: number };

/** FIFO by time joined; the same instant is broken by client id so the order never depends on input order. */
const byQueueOrder = (a: WaitlistEntry, b: WaitlistEntry) =>
  a.joinedAt.getTime() - b.joinedAt.getTime() || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);

function assertInstant(at: Date): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw badInput('time must be a valid instant', { field: 'at' });
}

function sortedWaitlist(roster: GroupRoster): WaitlistEntry[] {
  return [...roster.waitlist].sort(byQueueOrder);
}

/** 1-based place in the queue, or null when the client is not waiting. */
export function waitlistPosition(roster: GroupRoster, clientId: string): number | null {
  const index = sortedWaitlist(roster).findIndex((w) => w.clientId === clientId);
  return index < 0 ? null : index + 1;
}

export function statusOf(roster: GroupRoster, clientId: string): EnrollmentStatus | null {
  if (roster.enrolled.some((e) => e.clientId === clientId)) return EnrollmentStatus.ENROLLED;
  if (roster.waitlist.some((w) => w.clientId === clientId)) return EnrollmentStatus.WAITLISTED;
  return null;
}

/** Fills free places from the head of the queue. */
function promote(roster: GroupRoster, at: Date): { roster: GroupRoster; promoted: string[] } {
  const waitlist = sortedWaitlist(roster);
  const enrolled = [...roster.enrolled];
  const promoted: string[] = [];
  while (enrolled.length < roster.capacity && waitlist.length > 0) {
    const next = waitlist.shift()!;
    enrolled.push({ clientId: next.clientId, enrolledAt: at });
    promoted.push(next.clientId);
  }
  return { roster: { ...roster, enrolled, waitlist }, promoted };
}

/**
 * Takes a place if one is free and nobody is queueing (queuers keep their turn), else joins the
 * waitlist. A client already enrolled or waiting is refused as CONFLICT.
 */
export function enroll(roster: GroupRoster, clientId: string, at: Date): { roster: GroupRoster; result: EnrollResult } {
  assertInstant(at);
  if (!clientId) throw badInput('clientId must not be empty', { field: 'clientId' });
  const existing = statusOf(roster, clientId);
  if (existing) throw conflict('the client is already enrolled or waitlisted in this group', { status: existing, groupId: roster.groupId });
  if (roster.enrolled.length < roster.capacity && roster.waitlist.length === 0) {
    return {
      roster: { ...roster, enrolled: [...roster.enrolled, { clientId, enrolledAt: at }], waitlist: sortedWaitlist(roster) },
      result: { status: EnrollmentStatus.ENROLLED },
    };
  }
  const next: GroupRoster = { ...roster, waitlist: [...roster.waitlist, { clientId, joinedAt: at }].sort(byQueueOrder) };
  return { roster: next, result: { status: EnrollmentStatus.WAITLISTED, position: waitlistPosition(next, clientId)! } };
}

/**
 * The client leaves the group or the queue. A freed place goes at once to the first in the queue,
 * who is returned as `promoted` (enrolled as of `at`). NOT_FOUND if the client is in neither.
 */
export function leave(
  roster: GroupRoster,
  clientId: string,
  at: Date,
): { roster: GroupRoster; left: EnrollmentStatus; promoted: string | null } {
  assertInstant(at);
  const left = statusOf(roster, clientId);
  if (!left) throw notFound('the client is not enrolled or waitlisted in this group', { groupId: roster.groupId });
  const without: GroupRoster = {
    ...roster,
    enrolled: roster.enrolled.filter((e) => e.clientId !== clientId),
    waitlist: sortedWaitlist(roster).filter((w) => w.clientId !== clientId),
  };
  if (left === EnrollmentStatus.WAITLISTED) return { roster: without, left, promoted: null };
  const { roster: next, promoted } = promote(without, at);
  return { roster: next, left, promoted: promoted[0] ?? null };
}

export interface EndedParticipation {
  groupId: string;
  clientId: string;
  was: EnrollmentStatus;
  reason: EnrollmentEndReason;
  promoted: string | null;
}

/**
 * Ends every enrollment and waitlist entry of a client across the given groups, e.g. when the case
 * closes or the decision expires. Idempotent: groups the client is not in are returned unchanged and
 * not reported, so a replayed event changes nothing.
 */
export function endAllFor(
  rosters: readonly GroupRoster[],
  clientId: string,
  at: Date,
  reason: EnrollmentEndReason,
): { rosters: GroupRoster[]; ended: EndedParticipation[] } {
  assertInstant(at);
  const ended: EndedParticipation[] = [];
  const next = rosters.map((roster) => {
    if (!statusOf(roster, clientId)) return roster;
    const result = leave(roster, clientId, at);
    ended.push({ groupId: roster.groupId, clientId, was: result.left, reason, promoted: result.promoted });
    return result.roster;
  });
  return { rosters: next, ended };
}

/**
 * Changes the number of places. Raising it fills the new places from the queue; lowering it below
 * the number already enrolled is refused (nobody is removed from a group to fit a new number).
 */
export function changeCapacity(roster: GroupRoster, capacity: number, at: Date): { roster: GroupRoster; promoted: string[] } {
  assertInstant(at);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 50) throw badInput('capacity must be a whole number from 1 to 50', { field: 'capacity' });
  if (capacity < roster.enrolled.length) {
    throw conflict('capacity cannot be lower than the number of clients enrolled', { enrolled: roster.enrolled.length, capacity });
  }
  return promote({ ...roster, capacity }, at);
}
