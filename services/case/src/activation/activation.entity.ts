import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';

/** What a worker recorded of the client's employment situation, for the activation triggers (189/2001). */
@Entity({ name: 'activation_facts' })
export class ActivationFactsEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'has_employment_plan', type: 'boolean' })
  hasEmploymentPlan: boolean;

  @Column({ name: 'had_earlier_employment_plan', type: 'boolean' })
  hadEarlierEmploymentPlan: boolean;

  @Column({ name: 'labour_market_subsidy_days_last_12m', type: 'integer' })
  labourMarketSubsidyDaysLast12Months: number;

  @Column({ name: 'reached_earnings_related_500_days', type: 'boolean' })
  reachedEarningsRelated500DayLimit: boolean;

  @Column({ name: 'labour_market_subsidy_days_after_500', type: 'integer' })
  labourMarketSubsidyDaysAfter500DayLimit: number;

  /** Legacy count (not tied to unemployment nor to a window); kept for rows recorded before 1763800000140, not used by the triggers. */
  @Column({ name: 'months_income_support_as_main_income', type: 'integer', default: 0 })
  monthsIncomeSupportAsMainIncome: number;

  /** Työnhakukeskustelu järjestetty (189/2001 3 § 1 mom 3 k, as amended by 1384/2021) */
  @Column({ name: 'job_search_discussion_held', type: 'boolean', default: false })
  jobSearchDiscussionHeld: boolean;

  /** Start of the unbroken period of main income from income support paid because of unemployment; null: none */
  @Column({ name: 'unemployment_income_support_since', type: 'date', nullable: true })
  unemploymentIncomeSupportAsMainIncomeSince: LocalDate | null;

  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: LocalDate;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;
}

/** An income support decision benefits-handling made (IncomeSupportDecisionMade): shown on the client's timeline. */
@Entity({ name: 'income_support_decision' })
export class IncomeSupportDecisionEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'granted_total_cents', type: 'bigint' })
  grantedTotalCents: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'corrects_decision_id', type: 'uuid', nullable: true })
  correctsDecisionId: string | null;
}
