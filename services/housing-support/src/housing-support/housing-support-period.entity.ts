import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum HousingSupportPeriodStatus {
  PLANNING = 'PLANNING',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

@Entity({ name: 'housing_support_period' })
export class HousingSupportPeriodEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  status: HousingSupportPeriodStatus;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
