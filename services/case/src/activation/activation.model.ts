import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';

@InputType({ description: 'Aktivointisuunnitelman edellytykset: the employment facts a worker has established (laki 189/2001)' })
export class ActivationFactsInput {
  @Field(() => Boolean, { description: 'Voimassa oleva työllistymissuunnitelma' }) hasEmploymentPlan: boolean;
  @Field(() => Boolean, { description: 'Aiemmin laadittu työllistymissuunnitelma' }) hadEarlierEmploymentPlan: boolean;
  @Field(() => Int, { description: 'Työmarkkinatukipäivät viimeisten 12 kuukauden aikana' }) labourMarketSubsidyDaysLast12Months: number;
  @Field(() => Boolean, { description: 'Ansiopäivärahan 500 päivän enimmäisaika täyttynyt' }) reachedEarningsRelated500DayLimit: boolean;
  @Field(() => Int, { description: 'Työmarkkinatukipäivät 500 päivän jälkeen' }) labourMarketSubsidyDaysAfter500DayLimit: number;
  @Field(() => Int, { description: 'Kuukaudet toimeentulotuki pääasiallisena toimeentulona' }) monthsIncomeSupportAsMainIncome: number;
}

@ObjectType('ActivationPlanTrigger', { description: 'Aktivointisuunnitelman laatimisvelvollisuus (189/2001) on a day, and why' })
export class ActivationPlanTriggerType {
  @Field(() => Boolean)
  triggered: boolean;

  @Field(() => [String], { description: 'Ids of the triggers that hold' })
  basis: string[];

  @Field(() => String, { description: 'The effective-dated trigger set applied' })
  ruleSetVersion: string;

  @Field(() => Int)
  ageOn: number;

  @Field(() => Int, { description: 'Months of income support as main income: recorded, or attested by Kela notices, whichever is greater' })
  monthsIncomeSupportAsMainIncome: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When a worker last recorded the employment facts; null if never (nothing is then assumed)' })
  factsRecordedOn: LocalDate | null;
}
