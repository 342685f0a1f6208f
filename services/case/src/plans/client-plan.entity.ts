import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { GoalAttainment, PlanGoal, PlanMeasure } from '../domain';

/** One version of a case's client plan (asiakassuunnitelma, SHL §39); a new version never overwrites the old. */
@Entity({ name: 'client_plan' })
export class ClientPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'plan_date', type: 'date' })
  planDate: LocalDate;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate: LocalDate;

  @Column({ type: 'jsonb' })
  goals: PlanGoal[];

  @Column({ type: 'jsonb' })
  measures: Array<PlanMeasure & { responsibleName: string | null }>;

  @Column({ name: 'made_at', type: 'timestamptz' })
  madeAt: Date;

  @Column({ name: 'made_by', type: 'text' })
  madeBy: string;
}

/** Arviointi: goal attainment recorded at a plan review, one per goal in the plan's order. */
@Entity({ name: 'client_plan_review' })
export class ClientPlanReviewEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'reviewed_on', type: 'date' })
  reviewedOn: LocalDate;

  @Column({ type: 'text', array: true })
  attainments: GoalAttainment[];

  @Column({ type: 'text' })
  overall: GoalAttainment;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt: Date;

  @Column({ name: 'reviewed_by', type: 'text' })
  reviewedBy: string;
}
