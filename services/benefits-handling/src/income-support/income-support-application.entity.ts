import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Täydentävä (§7 c) or ehkäisevä (§13) toimeentulotuki: the kinds the county decides. */
export enum IncomeSupportKind {
  SUPPLEMENTARY = 'SUPPLEMENTARY',
  PREVENTIVE = 'PREVENTIVE',
}

export enum ApplicationStatus {
  RECEIVED = 'RECEIVED',
  AWAITING_COMPLETION = 'AWAITING_COMPLETION',
  DECIDED = 'DECIDED',
}

@Entity({ name: 'income_support_application' })
export class IncomeSupportApplicationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  kind: IncomeSupportKind;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
