import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { RepaymentPlanStatus } from '../domain';

registerEnumType(RepaymentPlanStatus, { name: 'RepaymentPlanStatus', description: 'Maksusuunnitelman tila' });

@ObjectType('RepaymentInstalment', { description: 'Maksuerä' })
export class RepaymentInstalment {
  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field(() => Int)
  amountCents: number;
}

@ObjectType('RepaymentPayment', { description: 'A payment towards the repayment plan' })
export class RepaymentPayment {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  paidOn: string;

  @Field(() => Int)
  amountCents: number;
}

@ObjectType('RepaymentPlan', { description: 'Maksusuunnitelma: instalments that clear the arrears exactly, and where the plan stands today.' })
export class RepaymentPlan {
  @Field(() => [RepaymentInstalment])
  instalments: RepaymentInstalment[];

  @Field(() => [RepaymentPayment])
  payments: RepaymentPayment[];

  @Field(() => RepaymentPlanStatus)
  status: RepaymentPlanStatus;

  @Field(() => Int)
  plannedCents: number;

  @Field(() => Int)
  paidCents: number;

  @Field(() => Int, { description: 'Instalments due before today' })
  dueCents: number;

  @Field(() => Int, { description: 'Due but not paid' })
  overdueCents: number;

  @Field(() => Int)
  remainingCents: number;
}

@ObjectType('RentArrears', { description: 'Vuokrarästi: unpaid rent reported by a worker; benefits-handling drafts a preventive income support application from it.' })
export class RentArrears {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { description: 'Vuokranantaja' })
  landlord: string;

  @Field(() => Int, { description: 'Months of unpaid rent' })
  months: number;

  @Field(() => LocalDateScalar)
  reportedOn: string;

  @Field(() => String, { description: 'The worker who reported it' })
  reportedBy: string;
}

@InputType({ description: 'Vuokrarästi-ilmoitus' })
export class ReportRentArrearsInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String)
  landlord: string;

  @Field(() => Int)
  months: number;
}

@InputType()
export class RepaymentInstalmentInput {
  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field(() => Int)
  amountCents: number;
}

@InputType({ description: 'Maksusuunnitelma: instalments in due-date order, adding up to the arrears exactly' })
export class AgreeRepaymentPlanInput {
  @Field(() => ID)
  rentArrearsId: string;

  @Field(() => [RepaymentInstalmentInput])
  instalments: RepaymentInstalmentInput[];
}

@InputType()
export class RecordRepaymentInput {
  @Field(() => ID)
  rentArrearsId: string;

  @Field(() => LocalDateScalar)
  paidOn: string;

  @Field(() => Int)
  amountCents: number;
}
