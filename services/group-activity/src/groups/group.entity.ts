import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { GroupKind, RehabilitationGroup, SessionTheme, Weekday } from '../domain';

/** Kuntouttava ryhmä: a social rehabilitation group. */
@Entity({ name: 'rehabilitation_group' })
export class RehabilitationGroupEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: GroupKind;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'start_time', type: 'text' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text', array: true })
  themes: SessionTheme[];

  @Column({ type: 'text', nullable: true })
  weekday: Weekday | null;

  @Column({ name: 'session_count', type: 'integer', nullable: true })
  sessionCount: number | null;

  @Column({ name: 'meeting_url', type: 'text', nullable: true })
  meetingUrl: string | null;

  /** Ohjaajat: the workers who run the group. */
  @Column({ name: 'facilitator_ids', type: 'text', array: true })
  facilitatorIds: string[];

  /** The creator's team: its supervisor may change the group (null for groups created before teams were kept). */
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Tapaamiskerta generated from the group's schedule. */
@Entity({ name: 'group_session' })
export class GroupSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'start_time', type: 'text' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text' })
  theme: SessionTheme;
}

/** The row's columns for a validated group definition. */
export function groupColumns(group: RehabilitationGroup): Omit<RehabilitationGroupEntity, 'id' | 'facilitatorIds' | 'createdBy' | 'createdAt' | 'team'> {
  return {
    name: group.name,
    kind: group.kind,
    capacity: group.capacity,
    startsOn: group.startsOn,
    endsOn: group.endsOn,
    startTime: group.startTime,
    durationMinutes: group.durationMinutes,
    themes: group.themes,
    weekday: group.kind === GroupKind.IN_PERSON_WEEKLY ? group.weekday : null,
    sessionCount: group.kind === GroupKind.REMOTE_PERIOD ? group.sessionCount : null,
    meetingUrl: group.kind === GroupKind.REMOTE_PERIOD ? group.meetingUrl : null,
  };
}
