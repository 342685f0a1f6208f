import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { GoalAttainment, ResponsibleParty } from '../domain';

registerEnumType(ResponsibleParty, { name: 'ResponsibleParty', description: 'Vastuutaho: who carries out a measure (SHL §39: who does what)' });
registerEnumType(GoalAttainment, { name: 'GoalAttainment', description: 'Tavoitteen toteutuminen at a plan review' });

@ObjectType('PlanGoal')
export class PlanGoalType {
  @Field(() => String)
  text: string;

  @Field(() => Boolean, { description: 'Asiakkaan oma tavoite' })
  setByClient: boolean;
}

@ObjectType('PlanMeasure')
export class PlanMeasureType {
  @Field(() => String, { description: 'Toimenpide' })
  description: string;

  @Field(() => ResponsibleParty)
  responsible: ResponsibleParty;

  @Field(() => String, { nullable: true })
  responsibleName: string | null;
}

@ObjectType('ClientPlanReview', { description: 'Suunnitelman arviointi: goal attainment at a review' })
export class ClientPlanReview {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  reviewedOn: LocalDate;

  @Field(() => [GoalAttainment], { description: 'One per goal, in the plan’s goal order' })
  attainments: GoalAttainment[];

  @Field(() => GoalAttainment)
  overall: GoalAttainment;

  @Field(() => Float, { nullable: true, description: 'Share of pursued goals achieved (0–1); null if all were abandoned' })
  achievedShare: number | null;

  @Field(() => String)
  reviewedBy: string;
}

@ObjectType('ClientPlan', { description: 'Asiakassuunnitelma (SHL §39): one version; earlier versions are kept as history' })
export class ClientPlan {
  @Field(() => ID)
  id: string;

  caseId: string;
  clientId: string;

  @Field(() => Int)
  version: number;

  @Field(() => LocalDateScalar)
  planDate: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Seuraava arviointipäivä' })
  reviewDate: LocalDate;

  @Field(() => [PlanGoalType])
  goals: PlanGoalType[];

  @Field(() => [PlanMeasureType])
  measures: PlanMeasureType[];

  @Field(() => Date)
  madeAt: Date;

  @Field(() => String)
  madeBy: string;
}

@InputType('PlanGoalInput')
export class PlanGoalInput {
  @Field(() => String)
  text: string;

  @Field(() => Boolean)
  setByClient: boolean;
}

@InputType('PlanMeasureInput')
export class PlanMeasureInput {
  @Field(() => String)
  description: string;

  @Field(() => ResponsibleParty)
  responsible: ResponsibleParty;

  @Field(() => String, { nullable: true, description: 'Required for OTHER_WORKER, CLOSE_PERSON and OTHER_SERVICE' })
  responsibleName?: string | null;
}

@InputType({ description: 'Asiakassuunnitelma (SHL §39): at least one of the client’s own goals, and who does what' })
export class ClientPlanInput {
  @Field(() => LocalDateScalar)
  planDate: LocalDate;

  @Field(() => LocalDateScalar)
  reviewDate: LocalDate;

  @Field(() => [PlanGoalInput])
  goals: PlanGoalInput[];

  @Field(() => [PlanMeasureInput])
  measures: PlanMeasureInput[];
}

@InputType({ description: 'Suunnitelman arviointi' })
export class ClientPlanReviewInput {
  @Field(() => LocalDateScalar)
  reviewedOn: LocalDate;

  @Field(() => [GoalAttainment], { description: 'One per goal, in the plan’s goal order' })
  attainments: GoalAttainment[];
}
