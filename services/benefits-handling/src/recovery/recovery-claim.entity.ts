import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { CourtOutcome, RecoveryClaimStatus, RecoveryDebtor, RecoveryGround } from '../domain';

@Entity({ name: 'recovery_claim' })
export class RecoveryClaimEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  ground: RecoveryGround;

  @Column({ name: 'recovered_from', type: 'text' })
  recoveredFrom: RecoveryDebtor;

  /** The maintenance-liable person's name (personal data: never logged, never in events). */
  @Column({ name: 'liable_person_name', type: 'text', nullable: true })
  liablePersonName: string | null;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ type: 'text' })
  status: RecoveryClaimStatus;

  @Column({ name: 'applied_on', type: 'date', nullable: true })
  appliedOn: string | null;

  @Column({ name: 'court_decided_on', type: 'date', nullable: true })
  courtDecidedOn: string | null;

  @Column({ name: 'court_outcome', type: 'text', nullable: true })
  courtOutcome: CourtOutcome | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
