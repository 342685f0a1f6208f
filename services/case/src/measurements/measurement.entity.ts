import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { MeasurementOccasion } from '../domain';

/** Mittaus: one EUROHIS-QOL 8 answer set, taken at the start, a review or the end. */
@Entity({ name: 'measurement' })
export class MeasurementEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  instrument: 'EUROHIS_QOL8';

  @Column({ type: 'text' })
  occasion: MeasurementOccasion;

  @Column({ name: 'measured_on', type: 'date' })
  measuredOn: LocalDate;

  @Column({ type: 'smallint', array: true })
  answers: number[];

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;
}
