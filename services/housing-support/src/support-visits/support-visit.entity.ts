import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { GuidanceArea } from '../domain';

/** Tukikäynti: a support visit done in a housing support period. */
@Entity({ name: 'support_visit' })
export class SupportVisitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ name: 'guidance_areas', type: 'text', array: true })
  guidanceAreas: GuidanceArea[];

  @Column({ name: 'worker_id', type: 'text' })
  workerId: string;

  @Column({ name: 'worker_role', type: 'text' })
  workerRole: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
