import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ApplicationStatus, ExpenseType, IncomeSupportKind, ProcessingQueue } from '../domain';

/** How an application reached the county (vireilletulokanava). */
export enum ApplicationChannel {
  /** Forwarded by Kela (siirretty hakemus). */
  KELA = 'KELA',
  PAPER = 'PAPER',
  E_SERVICE = 'E_SERVICE',
  /** Urgent matter at the front desk (asiakasneuvonta). */
  FRONT_DESK = 'FRONT_DESK',
  /** Drafted from housing-support's rent-arrears report, for a handler to review. */
  RENT_ARREARS = 'RENT_ARREARS',
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

  @Column({ type: 'text' })
  channel: ApplicationChannel;

  @Column({ type: 'text' })
  queue: ProcessingQueue;

  /** The team whose queue the application is in (käsittelytiimi): its benefits handlers reach it (access.ts). */
  @Column({ name: 'handling_team', type: 'text' })
  handlingTeam: string;

  @Column({ type: 'boolean' })
  urgent: boolean;

  /** Asiointikieli the client gave on the application (or Kela with the transfer): the decision letter's language. Null: not stated (Finnish). */
  @Column({ name: 'preferred_language', type: 'text', nullable: true })
  preferredLanguage: 'FI' | 'SV' | null;

  @Column({ type: 'boolean' })
  student: boolean;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  /** The day the §14 a clock counts from: arrival, or the completion's arrival or deadline. */
  @Column({ name: 'clock_starts_on', type: 'date' })
  clockStartsOn: string;

  @Column({ name: 'decision_due_on', type: 'date', nullable: true })
  decisionDueOn: string | null;

  @Column({ name: 'completion_request_due_on', type: 'date', nullable: true })
  completionRequestDueOn: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'assigned_handler_id', type: 'text', nullable: true })
  assignedHandlerId: string | null;

  /** Kela's own reference of a forwarded application: the idempotency key of a resend. */
  @Column({ name: 'kela_reference', type: 'text', nullable: true })
  kelaReference: string | null;

  /** The partner client (OAuth client id) that forwarded it, for scoping its status reads. */
  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'rent_arrears_id', type: 'uuid', nullable: true })
  rentArrearsId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Haettu meno: an expense line as the applicant claimed it. */
@Entity({ name: 'claimed_expense' })
export class ClaimedExpenseEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'expense_type', type: 'text' })
  expenseType: ExpenseType;

  @Column({ name: 'claimed_cents', type: 'integer' })
  claimedCents: number;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/** Täydennyspyyntö (§14 a): what is missing and by when. */
@Entity({ name: 'completion_request' })
export class CompletionRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'requested_on', type: 'date' })
  requestedOn: string;

  @Column({ name: 'deadline_on', type: 'date' })
  deadlineOn: string;

  @Column({ type: 'text' })
  missing: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'sent_within_deadline', type: 'boolean' })
  sentWithinDeadline: boolean;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
