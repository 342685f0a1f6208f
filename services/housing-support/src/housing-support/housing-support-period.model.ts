import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HousingSupportPeriodStatus } from './housing-support-period.entity';

registerEnumType(HousingSupportPeriodStatus, { name: 'HousingSupportPeriodStatus' });

@ObjectType('HousingSupportPeriod', { description: 'Asumissosiaalisen työn tukijakso: a fixed-term period of housing support work.' })
export class HousingSupportPeriod {
  @Field(() => ID)
  id: string;

  @Field(() => HousingSupportPeriodStatus)
  status: HousingSupportPeriodStatus;

  @Field(() => String, { nullable: true, description: 'First day of the period (ISO date)' })
  startsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period (ISO date)' })
  endsOn: string | null;

  @Field(() => Date)
  openedAt: Date;
}
