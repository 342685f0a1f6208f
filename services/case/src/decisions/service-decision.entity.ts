import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { DecisionOutcome, ServiceDecisionInput, ServiceType } from '../domain';

/** Päätös (SHL §45): a service granted or denied on a case. */
@Entity({ name: 'service_decision' })
export class ServiceDecisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'service_type', type: 'text' })
  serviceType: ServiceType;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  @Column({ type: 'text' })
  reasoning: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: LocalDate | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: LocalDate | null;

  @Column({ name: 'client_goals', type: 'text', array: true })
  clientGoals: string[];

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: LocalDate;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  @Column({ name: 'sent_on', type: 'date', nullable: true })
  sentOn: LocalDate | null;
}

/** Päätösluonnos: the content of a service decision before it is signed; never shown as a decision. */
@Entity({ name: 'service_decision_draft' })
export class ServiceDecisionDraftEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'jsonb' })
  content: ServiceDecisionInput;

  @Column({ name: 'drafted_by', type: 'text' })
  draftedBy: string;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt: Date;

  @Column({ name: 'signed_decision_id', type: 'uuid', nullable: true })
  signedDecisionId: string | null;
}
