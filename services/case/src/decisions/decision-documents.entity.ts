import { Column, Entity, PrimaryColumn } from 'typeorm';
import { StoredLetterColumns } from '@asw/subgraph';
import type { DeliveryMethod, LocalDate } from '@asw/calendar';
import type { AppealResolution, AppealStatus } from './appeal.rules';

/** Päätöskirje: the signed decision as a PDF, kept as long as the decision. */
@Entity({ name: 'service_decision_letter' })
export class ServiceDecisionLetterEntity extends StoredLetterColumns {}

/** Tiedoksianto: how and when the decision reached the client; recorded once. */
@Entity({ name: 'service_decision_delivery' })
export class ServiceDecisionDeliveryEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ type: 'text' })
  method: DeliveryMethod;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn: LocalDate;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: LocalDate;

  @Column({ name: 'appeal_deadline', type: 'date' })
  appealDeadline: LocalDate;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** Oikaisuvaatimus (HL 49 a–49 g §): a request for review of a decision, and how it was handled. */
@Entity({ name: 'service_decision_appeal' })
export class ServiceDecisionAppealEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: LocalDate;

  @Column({ name: 'appeal_deadline', type: 'date' })
  appealDeadline: LocalDate;

  @Column({ name: 'in_time', type: 'boolean' })
  inTime: boolean;

  @Column({ type: 'text' })
  status: AppealStatus;

  @Column({ type: 'text', nullable: true })
  resolution: AppealResolution | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: LocalDate | null;

  @Column({ name: 'new_decision_id', type: 'uuid', nullable: true })
  newDecisionId: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
