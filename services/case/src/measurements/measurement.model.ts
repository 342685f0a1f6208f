import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { MeasurementOccasion } from '../domain';

registerEnumType(MeasurementOccasion, { name: 'MeasurementOccasion', description: 'Mittauskerta: START alkumittaus, REVIEW väliarviointi, END loppumittaus' });

@ObjectType('EurohisScore', { description: 'EUROHIS-QOL 8 score: mean of the eight items (1–5), the sum (8–40), good when the mean is at least 4 (THL)' })
export class EurohisScoreType {
  @Field(() => Float)
  mean: number;

  @Field(() => Int)
  sum: number;

  @Field(() => Boolean, { description: 'Hyvä elämänlaatu' })
  good: boolean;
}

@ObjectType('EurohisMeasurement', { description: 'EUROHIS-QOL 8 -mittaus' })
export class EurohisMeasurement {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => MeasurementOccasion)
  occasion: MeasurementOccasion;

  @Field(() => LocalDateScalar)
  measuredOn: LocalDate;

  @Field(() => [Int], { description: 'The eight answers in questionnaire order' })
  answers: number[];

  @Field(() => EurohisScoreType)
  score: EurohisScoreType;
}

@ObjectType('EurohisChange', { description: 'Muutos: from the first measurement to the latest' })
export class EurohisChangeType {
  @Field(() => Float, { description: 'Change of the mean; positive = better' })
  meanChange: number;

  @Field(() => Int)
  sumChange: number;

  @Field(() => Boolean)
  goodBefore: boolean;

  @Field(() => Boolean)
  goodAfter: boolean;

  @Field(() => LocalDateScalar)
  from: LocalDate;

  @Field(() => LocalDateScalar)
  to: LocalDate;
}

@InputType({ description: 'EUROHIS-QOL 8: eight answers, each 1–5' })
export class EurohisMeasurementInput {
  @Field(() => MeasurementOccasion)
  occasion: MeasurementOccasion;

  @Field(() => LocalDateScalar, { description: 'Not in the future' })
  measuredOn: LocalDate;

  @Field(() => [Int])
  answers: number[];

  @Field(() => ID, { nullable: true, description: 'The client’s case the measurement belongs to' })
  caseId?: string | null;
}
