import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { RateName } from '../domain';

registerEnumType(RateName, { name: 'IncomeSupportRateName', description: 'BASIC_AMOUNT_SINGLE_ADULT = perusosa, yksin asuva aikuinen (per month)' });

@ObjectType('IncomeSupportRate', { description: 'Voimassaoleva määrä: an effective-dated amount, in force from validFrom until the next change.' })
export class IncomeSupportRate {
  @Field(() => RateName)
  name: RateName;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => Int, { description: 'Amount in cents' })
  cents: number;
}
