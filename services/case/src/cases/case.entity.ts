import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { CaseActivationBasis, CaseClosingReason, CaseStatus, InitiationChannel, ServiceTask, SupportNeed } from '../domain';
import type { RoutingFindings } from './case.rules';

/** Asiakkuus: one client's matter in one service task, from initiation (§34) to closing. */
@Entity({ name: 'client_case' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'service_task', type: 'text' })
  serviceTask: ServiceTask;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ name: 'initiation_channel', type: 'text' })
  initiationChannel: InitiationChannel;

  @Column({ type: 'boolean' })
  urgent: boolean;

  @Column({ type: 'text' })
  team: string;

  @Column({ name: 'initiated_on', type: 'date' })
  initiatedOn: LocalDate;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /** User id of the worker who opened the case (who then works on it); null when a Kela notice opened it. */
  @Column({ name: 'opened_by', type: 'text', nullable: true })
  openedBy: string | null;

  /**
   * Whether working on this case opens the client's other records: false for a case opened on intake
   * by a worker with no relationship to a client who already had cases (issue #13 item 1), until a
   * worker with a client-wide relationship assigns its workers.
   */
  @Column({ name: 'client_wide', type: 'boolean', default: true })
  clientWide: boolean;

  @Column({ name: 'kela_notice_id', type: 'uuid', nullable: true })
  kelaNoticeId: string | null;

  @Column({ name: 'assessment_start_due_on', type: 'date' })
  assessmentStartDueOn: LocalDate;

  @Column({ name: 'assessment_due_on', type: 'date' })
  assessmentDueOn: LocalDate;

  @Column({ name: 'assessment_started_on', type: 'date', nullable: true })
  assessmentStartedOn: LocalDate | null;

  @Column({ name: 'assessment_completed_on', type: 'date', nullable: true })
  assessmentCompletedOn: LocalDate | null;

  @Column({ name: 'support_needs', type: 'text', array: true, nullable: true })
  supportNeeds: SupportNeed[] | null;

  @Column({ name: 'special_support_needed', type: 'boolean', nullable: true })
  specialSupportNeeded: boolean | null;

  @Column({ name: 'assessment_summary', type: 'text', nullable: true })
  assessmentSummary: string | null;

  @Column({ name: 'age_at_assessment', type: 'integer', nullable: true })
  ageAtAssessment: number | null;

  @Column({ name: 'routing_findings', type: 'jsonb', nullable: true })
  routingFindings: RoutingFindings | null;

  @Column({ name: 'responsible_worker_id', type: 'uuid', nullable: true })
  responsibleWorkerId: string | null;

  @Column({ name: 'activation_basis', type: 'text', nullable: true })
  activationBasis: CaseActivationBasis | null;

  @Column({ name: 'closing_reason', type: 'text', nullable: true })
  closingReason: CaseClosingReason | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt: Date;
}

/** Työparit: others working on the case with the named worker (§42). */
@Entity({ name: 'case_co_worker' })
export class CaseCoWorkerEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;
}

/** Every transition, timestamped, with who made it. */
@Entity({ name: 'case_status_change' })
export class CaseStatusChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: CaseStatus;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;
}
