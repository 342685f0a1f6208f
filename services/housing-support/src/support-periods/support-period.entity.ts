import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import {
  GuidanceArea,
  PersonalGoal,
  SupportPeriod,
  SupportPeriodEndCause,
  SupportPeriodOutcome,
  SupportPeriodStatus,
  VisitFrequency,
  Weekday,
} from '../domain';

/** Asumissosiaalisen työn tukijakso, opened by a granted HOUSING_SUPPORT decision. */
@Entity({ name: 'housing_support_period' })
export class HousingSupportPeriodEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  status: SupportPeriodStatus;

  /** The decision's validity (voimassaolo): the plan's term stays within it; null when not known (opened before it was recorded). */
  @Column({ name: 'decision_valid_from', type: 'date', nullable: true })
  decisionValidFrom: string | null;

  /** Last day of the decision; null: open-ended (or not known). */
  @Column({ name: 'decision_valid_until', type: 'date', nullable: true })
  decisionValidUntil: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  goals: PersonalGoal[];

  @Column({ name: 'visit_frequency', type: 'text', nullable: true })
  visitFrequency: VisitFrequency | null;

  @Column({ name: 'visit_weekday', type: 'text', nullable: true })
  visitWeekday: Weekday | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'end_cause', type: 'text', nullable: true })
  endCause: SupportPeriodEndCause | null;

  @Column({ type: 'text', nullable: true })
  outcome: SupportPeriodOutcome | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}

/** The row as the pure rules see it. */
export function toSupportPeriod(row: HousingSupportPeriodEntity): SupportPeriod {
  return {
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    goals: row.goals,
    visitSchedule: row.visitFrequency && row.visitWeekday ? { frequency: row.visitFrequency, weekday: row.visitWeekday } : null,
    endedOn: row.endedOn,
    endCause: row.endCause,
    outcome: row.outcome,
  };
}

/** Copies what the rules decided back onto the row. */
export function applySupportPeriod(row: HousingSupportPeriodEntity, period: SupportPeriod): HousingSupportPeriodEntity {
  Object.assign(row, {
    status: period.status,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    goals: period.goals.map((goal) => ({ area: goal.area as GuidanceArea, text: goal.text })),
    visitFrequency: period.visitSchedule?.frequency ?? null,
    visitWeekday: period.visitSchedule?.weekday ?? null,
    endedOn: period.endedOn,
    endCause: period.endCause,
    outcome: period.outcome,
  });
  return row;
}
