import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import type { ActivationMeasure } from './activation-plan.rules';

/**
 * Aktivointisuunnitelma (laki kuntouttavasta työtoiminnasta 189/2001): drawn up by the county and
 * employment services together, shared with them, and in force once both have signed. Content is
 * fixed when drafted; sharing and the two signatures are each set once.
 */
@Entity({ name: 'activation_plan' })
export class ActivationPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'jsonb' })
  goals: string[];

  @Column({ type: 'jsonb' })
  measures: ActivationMeasure[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: LocalDate;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: LocalDate;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate: LocalDate;

  /** The activation triggers (189/2001) that held on the day the plan was drafted; empty if none. */
  @Column({ name: 'trigger_basis', type: 'text', array: true })
  triggerBasis: string[];

  @Column({ name: 'trigger_rule_set_version', type: 'text' })
  triggerRuleSetVersion: string;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt: Date;

  @Column({ name: 'drafted_by', type: 'text' })
  draftedBy: string;

  @Column({ name: 'shared_at', type: 'timestamptz', nullable: true })
  sharedAt: Date | null;

  @Column({ name: 'shared_by', type: 'text', nullable: true })
  sharedBy: string | null;

  /** The employment-services office or municipality it is shared with, as the partner token's `org` claim names it. */
  @Column({ name: 'shared_with', type: 'text', nullable: true })
  sharedWith: string | null;

  @Column({ name: 'county_signed_at', type: 'timestamptz', nullable: true })
  countySignedAt: Date | null;

  /** The worker's user id. */
  @Column({ name: 'county_signed_by', type: 'text', nullable: true })
  countySignedBy: string | null;

  @Column({ name: 'employment_services_signed_at', type: 'timestamptz', nullable: true })
  employmentServicesSignedAt: Date | null;

  /** The partner's organisation as its token names it. */
  @Column({ name: 'employment_services_signed_by', type: 'text', nullable: true })
  employmentServicesSignedBy: string | null;
}
