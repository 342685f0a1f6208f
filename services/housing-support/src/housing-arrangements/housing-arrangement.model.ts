import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { IntermediaryAccountStatus, SubleaseStatus } from '../domain';

registerEnumType(IntermediaryAccountStatus, { name: 'PaymentIntermediaryAccountStatus', description: 'Välitystilin tila' });
registerEnumType(SubleaseStatus, { name: 'SubleaseStatus', description: 'Välivuokrasuhteen tila' });

@ObjectType('PaymentIntermediaryAccount', { description: 'Välitystili: a payment-intermediary account; rent is paid from it before anything else.' })
export class PaymentIntermediaryAccount {
  @Field(() => ID)
  id: string;

  @Field(() => IntermediaryAccountStatus)
  status: IntermediaryAccountStatus;

  @Field(() => LocalDateScalar)
  openedOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  closedOn: string | null;
}

@ObjectType('Sublease', { description: 'Välivuokraus: a flat the county rents and sublets to the client; needs an active välitystili.' })
export class Sublease {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The välitystili the rent is paid from' })
  accountId: string;

  @Field(() => SubleaseStatus)
  status: SubleaseStatus;

  @Field(() => String)
  address: string;

  @Field(() => Int, { description: 'Monthly rent in cents' })
  monthlyRentCents: number;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endedOn: string | null;
}

@InputType()
export class OpenPaymentIntermediaryAccountInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => LocalDateScalar)
  openedOn: string;
}

@InputType()
export class ClosePaymentIntermediaryAccountInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => LocalDateScalar)
  closedOn: string;
}

@InputType()
export class StartSubleaseInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => String)
  address: string;

  @Field(() => Int, { description: 'Monthly rent in cents' })
  monthlyRentCents: number;
}

@InputType()
export class EndSubleaseInput {
  @Field(() => ID)
  subleaseId: string;

  @Field(() => LocalDateScalar)
  endedOn: string;
}
