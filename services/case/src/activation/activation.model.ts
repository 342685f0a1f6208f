import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';

@InputType({ description: 'Aktivointisuunnitelman edellytykset: the employment facts a worker has established (laki 189/2001)' })
export class ActivationFactsInput {
  @Field(() => Boolean, { description: 'Voimassa oleva työllistymissuunnitelma' }) hasEmploymentPlan: boolean;
  @Field(() => Boolean, { description: 'Aiemmin laadittu työllistymissuunnitelma' }) hadEarlierEmploymentPlan: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Työnhakukeskustelu järjestetty: a job-search discussion was held (189/2001 3 § 1 mom 3 k; no employment plan needed). Not stated: none.',
  })
  jobSearchDiscussionHeld?: boolean | null;
  @Field(() => Int, { description: 'Työmarkkinatukipäivät työttömyyden perusteella viimeisten 12 kalenterikuukauden aikana' }) labourMarketSubsidyDaysLast12Months: number;
  @Field(() => Boolean, { description: 'Työttömyyspäivärahakausi (500 päivää) saatu kokonaan: the full unemployment daily-allowance period received' }) reachedEarningsRelated500DayLimit: boolean;
  @Field(() => Int, { description: 'Työmarkkinatukipäivät työttömyyden perusteella 500 päivän enimmäisajan jälkeen' }) labourMarketSubsidyDaysAfter500DayLimit: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Since when (unbroken, to today) the main income has been income support paid because of unemployment (työttömyyden johdosta maksettu toimeentulotuki pääasiallisena toimeentulona); the 4- and 12-month windows of 189/2001 3 § count back from the day assessed. Null: not so.',
  })
  unemploymentIncomeSupportAsMainIncomeSince?: string | null;
  @Field(() => Int, {
    nullable: true,
    deprecationReason: 'Says neither "because of unemployment" nor when (189/2001 3 §): use unemploymentIncomeSupportAsMainIncomeSince. Only 0 or null is accepted.',
    description: 'Kuukaudet toimeentulotuki pääasiallisena toimeentulona (no longer used)',
  })
  monthsIncomeSupportAsMainIncome?: number | null;
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

  @Field(() => Int, {
    description: 'Whole months, up to the day, of main income from income support paid because of unemployment: from the recorded start or the start Kela notices attest, whichever is earlier',
  })
  monthsIncomeSupportAsMainIncome: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Since when the main income has been income support paid because of unemployment, as recorded or attested by Kela; null if not' })
  unemploymentIncomeSupportAsMainIncomeSince: LocalDate | null;

  @Field(() => Boolean, { description: 'A job-search discussion (työnhakukeskustelu) has been recorded as held' })
  jobSearchDiscussionHeld: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When a worker last recorded the employment facts; null if never (nothing is then assumed)' })
  factsRecordedOn: LocalDate | null;
}
