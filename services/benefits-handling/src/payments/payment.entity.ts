import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Payee } from '../domain';

export type PaymentStatus = 'SCHEDULED' | 'BATCHED';

/** Maksu: one granted decision line paid to its payee; unique per line. */
@Entity({ name: 'income_support_payment' })
export class IncomeSupportPaymentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'line_position', type: 'integer' })
  linePosition: number;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  payee: Payee;

  @Column({ name: 'creditor_name', type: 'text' })
  creditorName: string;

  @Column({ name: 'creditor_iban', type: 'text' })
  creditorIban: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'text' })
  status: PaymentStatus;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Maksuaineisto: a pain.001.001.09 credit-transfer file for the county's bank. */
@Entity({ name: 'income_support_payment_batch' })
export class PaymentBatchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ name: 'requested_execution_date', type: 'date' })
  requestedExecutionDate: string;

  @Column({ name: 'number_of_transactions', type: 'integer' })
  numberOfTransactions: number;

  @Column({ name: 'control_sum_cents', type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  controlSumCents: number;

  @Column({ type: 'text' })
  document: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
