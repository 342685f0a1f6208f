import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { ContactType, WorkerRole } from '../domain';

/** Where a contact was recorded: here, or reported by another service's event. */
export enum ContactSource {
  CASE = 'CASE',
  HOUSING_SUPPORT = 'HOUSING_SUPPORT',
  GROUP_ACTIVITY = 'GROUP_ACTIVITY',
}

/** Yhteydenotto tai käynti: one contact with a client; counts in the monthly statistics. */
@Entity({ name: 'contact' })
export class ContactEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'contact_type', type: 'text' })
  contactType: ContactType;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: LocalDate;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  /** A registered worker's id, or the worker id another service reported. */
  @Column({ name: 'worker_id', type: 'text' })
  workerId: string;

  /** The role the contact counts under in statistics. */
  @Column({ name: 'worker_role', type: 'text' })
  workerRole: WorkerRole;

  /** The worker's team when known; statistics by team count only these. */
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Column({ type: 'text' })
  source: ContactSource;

  /** The other service's visit or attendance id: one contact per reported event. */
  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
