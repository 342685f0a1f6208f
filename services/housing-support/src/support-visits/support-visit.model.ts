import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { GuidanceArea } from '../domain';

@ObjectType('SupportVisit', { description: 'Tukikäynti: a support visit done at the client’s home. Counts in case as a HOME_VISIT contact.' })
export class SupportVisit {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  visitedOn: string;

  @Field(() => Int, { nullable: true })
  durationMinutes: number | null;

  @Field(() => [GuidanceArea], { description: 'Ohjauksen osa-alueet the visit covered' })
  guidanceAreas: GuidanceArea[];

  @Field(() => String, { description: 'The worker who made the visit' })
  workerId: string;

  @Field(() => String, { description: 'The role the visit counts under in contact statistics' })
  workerRole: string;
}

@ObjectType('SupportVisits', { description: 'Tukikäynnit: visits planned by the agreed schedule, visits done, and planned ones missed.' })
export class SupportVisits {
  @Field(() => [LocalDateScalar], { description: 'Planned visit dates from the visit schedule (suunnitellut käynnit)' })
  planned: string[];

  @Field(() => [SupportVisit], { description: 'Visits done, in date order (toteutuneet käynnit)' })
  done: SupportVisit[];

  @Field(() => [LocalDateScalar], { description: 'Planned dates with no visit within three days, once that window is over (toteutumatta jääneet)' })
  missed: string[];
}

@InputType({ description: 'Tukikäynnin kirjaus: a visit that was done' })
export class RecordSupportVisitInput {
  @Field(() => ID)
  periodId: string;

  @Field(() => LocalDateScalar)
  visitedOn: string;

  @Field(() => Int, { nullable: true })
  durationMinutes: number | null;

  @Field(() => [GuidanceArea])
  guidanceAreas: GuidanceArea[];
}
