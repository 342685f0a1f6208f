import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AttendanceStatus } from '../domain';

/** Läsnäolo: a client's attendance at a held session. */
@Entity({ name: 'attendance' })
export class AttendanceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
