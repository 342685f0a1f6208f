import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model: a SOCIAL_REHABILITATION service decision (palvelupäätös) as case announced it. */
@Entity({ name: 'service_decision' })
export class ServiceDecisionEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'service_type', type: 'text' })
  serviceType: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  /** The decision stops counting from the day its case closed. */
  @Column({ name: 'case_closed_on', type: 'date', nullable: true })
  caseClosedOn: string | null;
}
