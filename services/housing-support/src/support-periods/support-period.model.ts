import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { GuidanceArea, SupportPeriodEndCause, SupportPeriodOutcome, SupportPeriodStatus, VisitFrequency, Weekday } from '../domain';

registerEnumType(SupportPeriodStatus, { name: 'HousingSupportPeriodStatus', description: 'Tukijakson tila' });
registerEnumType(SupportPeriodOutcome, { name: 'HousingSupportOutcome', description: 'Tukijakson tulos' });
registerEnumType(SupportPeriodEndCause, { name: 'HousingSupportEndCause', description: 'Tukijakson päättymisen syy' });
registerEnumType(GuidanceArea, { name: 'GuidanceArea', description: 'Ohjauksen osa-alue (asumissosiaalinen työ)' });
registerEnumType(VisitFrequency, { name: 'VisitFrequency', description: 'Tukikäyntien tiheys' });
registerEnumType(Weekday, { name: 'Weekday', description: 'Viikonpäivä' });

@ObjectType('PersonalGoal', { description: 'Henkilökohtainen tavoite: one of the client’s own goals, in a guidance area.' })
export class PersonalGoal {
  @Field(() => GuidanceArea)
  area: GuidanceArea;

  @Field(() => String)
  text: string;
}

@ObjectType('VisitSchedule', { description: 'Käyntisuunnitelma: the agreed rhythm of support visits.' })
export class VisitSchedule {
  @Field(() => VisitFrequency)
  frequency: VisitFrequency;

  @Field(() => Weekday)
  weekday: Weekday;
}

@ObjectType('HousingSupportPeriod', { description: 'Asumissosiaalisen työn tukijakso: a fixed-term period of housing support work.' })
export class HousingSupportPeriod {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The granted HOUSING_SUPPORT service decision (palvelupäätös) that opened the period' })
  decisionId: string;

  @Field(() => SupportPeriodStatus)
  status: SupportPeriodStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of support (alkaa)' })
  startsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the fixed term (määräaika päättyy), inclusive' })
  endsOn: string | null;

  @Field(() => [PersonalGoal])
  goals: PersonalGoal[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of support when the period ended (päättyi)' })
  endedOn: string | null;

  @Field(() => SupportPeriodEndCause, { nullable: true })
  endCause: SupportPeriodEndCause | null;

  @Field(() => SupportPeriodOutcome, { nullable: true })
  outcome: SupportPeriodOutcome | null;

  @Field(() => Date)
  openedAt: Date;
}

@InputType()
export class PersonalGoalInput {
  @Field(() => GuidanceArea)
  area: GuidanceArea;

  @Field(() => String)
  text: string;
}

@InputType()
export class VisitScheduleInput {
  @Field(() => VisitFrequency)
  frequency: VisitFrequency;

  @Field(() => Weekday)
  weekday: Weekday;
}

@InputType({ description: 'Tukijakson suunnitelma: the fixed term, personal goals and visit schedule agreed with the client' })
export class PlanHousingSupportPeriodInput {
  @Field(() => ID)
  periodId: string;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => [PersonalGoalInput])
  goals: PersonalGoalInput[];

  @Field(() => VisitScheduleInput, { nullable: true })
  visitSchedule: VisitScheduleInput | null;
}

@InputType({ description: 'Tukijakson tulos: the outcome of an ended period, e.g. one that ran to its end date' })
export class RecordHousingSupportOutcomeInput {
  @Field(() => ID)
  periodId: string;

  @Field(() => SupportPeriodOutcome)
  outcome: SupportPeriodOutcome;
}

@InputType({ description: 'Tukijakson päättäminen: the worker ends the period with an outcome' })
export class EndHousingSupportPeriodInput {
  @Field(() => ID)
  periodId: string;

  @Field(() => LocalDateScalar, { description: 'Last day of support' })
  endedOn: string;

  @Field(() => SupportPeriodOutcome)
  outcome: SupportPeriodOutcome;
}
