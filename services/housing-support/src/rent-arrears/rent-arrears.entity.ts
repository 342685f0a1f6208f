import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Vuokrarästi: rent arrears reported by a worker. Money in integer cents. */
@Entity({ name: 'rent_arrears' })
export class RentArrearsEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ type: 'text' })
  landlord: string;

  @Column({ type: 'integer' })
  months: number;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Column({ name: 'reported_by', type: 'text' })
  reportedBy: string;

  @Column({ name: 'plan_agreed_at', type: 'timestamptz', nullable: true })
  planAgreedAt: Date | null;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}

/** Maksuerä: one instalment of the repayment plan. */
@Entity({ name: 'repayment_instalment' })
export class RepaymentInstalmentEntity {
  @PrimaryColumn({ name: 'arrears_id', type: 'uuid' })
  arrearsId: string;

  @PrimaryColumn({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;
}

/** A payment towards the repayment plan. */
@Entity({ name: 'repayment_payment' })
export class RepaymentPaymentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'arrears_id', type: 'uuid' })
  arrearsId: string;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
