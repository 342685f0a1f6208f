import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { WorkerRole } from '../domain';

/** Työntekijä: a worker of the county's adult social work, known by the user id their token carries. */
@Entity({ name: 'worker' })
export class WorkerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: WorkerRole;

  @Column({ type: 'text' })
  team: string;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
