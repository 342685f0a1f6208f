import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrollmentEndReason, GroupRoster } from '../domain';

/** A place in a group as stored: in it, waiting for it, or no longer (kept for the record). */
export enum GroupEnrollmentStatus {
  /** Ryhmässä. */
  ENROLLED = 'ENROLLED',
  /** Jonossa. */
  WAITLISTED = 'WAITLISTED',
  /** Päättynyt. */
  ENDED = 'ENDED',
}

/** Ilmoittautuminen: a client's place in a group, or in its waitlist. */
@Entity({ name: 'group_enrollment' })
export class GroupEnrollmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  status: GroupEnrollmentStatus;

  /** When the client asked for a place: the waitlist's order. */
  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: EnrollmentEndReason | null;
}

/** A group's open places as the enrollment rules see them. */
export function rosterOf(groupId: string, capacity: number, open: readonly GroupEnrollmentEntity[]): GroupRoster {
  return {
    groupId,
    capacity,
    enrolled: open.filter((row) => row.status === GroupEnrollmentStatus.ENROLLED).map((row) => ({ clientId: row.clientId, enrolledAt: row.enrolledAt! })),
    waitlist: open.filter((row) => row.status === GroupEnrollmentStatus.WAITLISTED).map((row) => ({ clientId: row.clientId, joinedAt: row.joinedAt })),
  };
}
