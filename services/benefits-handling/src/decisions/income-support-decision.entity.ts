import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DecisionAppealColumns, DecisionDeliveryColumns, StoredLetterColumns } from '@asw/subgraph';
import { DecisionOutcome, ExpenseType, LegalBasis, Payee } from '../domain';

/** Toimeentulotukipäätös. Never edited: a correction is a new row referencing the one it replaces. */
@Entity({ name: 'income_support_decision' })
export class IncomeSupportDecisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  @Column({ name: 'claimed_total_cents', type: 'integer' })
  claimedTotalCents: number;

  @Column({ name: 'granted_total_cents', type: 'integer' })
  grantedTotalCents: number;

  /** §20: recovery for income or assets not yet available was decided in this granting decision. */
  @Column({ name: 'recovery_decided_when_granting', type: 'boolean' })
  recoveryDecidedWhenGranting: boolean;

  @Column({ name: 'corrects_decision_id', type: 'uuid', nullable: true })
  correctsDecisionId: string | null;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Päätösrivi: claimed vs granted for one expense, with reason and legal basis. */
@Entity({ name: 'income_support_decision_line' })
export class DecisionLineEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'expense_type', type: 'text' })
  expenseType: ExpenseType;

  @Column({ name: 'claimed_cents', type: 'integer' })
  claimedCents: number;

  @Column({ name: 'granted_cents', type: 'integer' })
  grantedCents: number;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: LegalBasis;

  @Column({ type: 'text' })
  payee: Payee;
}

/** Päätöskirje: the decision as a PDF, kept as long as the decision. */
@Entity({ name: 'income_support_decision_letter' })
export class IncomeSupportDecisionLetterEntity extends StoredLetterColumns {}

/** Tiedoksianto of an income-support decision: recorded once, after the decision is made. */
@Entity({ name: 'income_support_decision_delivery' })
export class IncomeSupportDecisionDeliveryEntity extends DecisionDeliveryColumns {}

/** Oikaisuvaatimus (HL 49 a–49 g §) of an income-support decision, on its application. */
@Entity({ name: 'income_support_decision_appeal' })
export class IncomeSupportDecisionAppealEntity extends DecisionAppealColumns {
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
}
