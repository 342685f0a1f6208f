import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { ActivationMeasureKind, ActivationPlanStatus } from './activation-plan.rules';

registerEnumType(ActivationMeasureKind, { name: 'ActivationMeasureKind', description: 'Aktivointisuunnitelman toimenpide (189/2001); REHABILITATIVE_WORK_ACTIVITY is kuntouttava työtoiminta' });
registerEnumType(ActivationPlanStatus, { name: 'ActivationPlanStatus', description: 'DRAFT → signed by one side → IN_FORCE once the county and employment services have both signed' });

@ObjectType('ActivationPlanMeasure')
export class ActivationPlanMeasureType {
  @Field(() => ActivationMeasureKind)
  kind: ActivationMeasureKind;

  @Field(() => String)
  description: string;

  @Field(() => Int, { nullable: true, description: 'Days a week (rehabilitative work activity: 1–5)' })
  daysPerWeek: number | null;
}

/**
 * The plan as both sides see it. Carries the client's id and the plan's content, never the client's
 * name or identity code: employment services read it too.
 */
@ObjectType('ActivationPlan', { description: 'Aktivointisuunnitelma (laki kuntouttavasta työtoiminnasta 189/2001), drawn up by the county and employment services together' })
export class ActivationPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => ActivationPlanStatus)
  status: ActivationPlanStatus;

  @Field(() => [String], { description: 'Tavoitteet' })
  goals: string[];

  @Field(() => [ActivationPlanMeasureType], { description: 'Toimenpiteet' })
  measures: ActivationPlanMeasureType[];

  @Field(() => LocalDateScalar)
  validFrom: LocalDate;

  @Field(() => LocalDateScalar)
  validUntil: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Arviointipäivä' })
  reviewDate: LocalDate;

  @Field(() => [String], { description: 'The activation triggers (189/2001) that held when the plan was drafted; empty if none' })
  triggerBasis: string[];

  @Field(() => String)
  triggerRuleSetVersion: string;

  @Field(() => Date)
  draftedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the county shared the plan with employment services' })
  sharedWithEmploymentServicesAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The employment-services office or municipality the plan is shared with (its token’s org claim)' })
  sharedWith: string | null;

  @Field(() => Date, { nullable: true })
  countySignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  employmentServicesSignedAt: Date | null;
}

@InputType()
export class ActivationPlanMeasureInput {
  @Field(() => ActivationMeasureKind)
  kind: ActivationMeasureKind;

  @Field(() => String)
  description: string;

  @Field(() => Int, { nullable: true, description: 'Required for rehabilitative work activity: 1–5 days a week' })
  daysPerWeek?: number | null;
}

@InputType()
export class ActivationPlanInput {
  @Field(() => [String])
  goals: string[];

  @Field(() => [ActivationPlanMeasureInput])
  measures: ActivationPlanMeasureInput[];

  @Field(() => LocalDateScalar)
  validFrom: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Must be after validFrom' })
  validUntil: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Within the validity period' })
  reviewDate: LocalDate;
}
