import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { Payee } from '../domain';

export enum PaymentStatusValue {
  SCHEDULED = 'SCHEDULED',
  BATCHED = 'BATCHED',
}
registerEnumType(PaymentStatusValue, { name: 'IncomeSupportPaymentStatus', description: 'SCHEDULED maksuun hyväksytty, BATCHED maksuaineistossa (pain.001)' });

@ObjectType('IncomeSupportPayment', { description: 'Maksu: one granted decision line paid to its payee; never two for a line' })
export class IncomeSupportPayment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  decisionId: string;

  clientId: string;

  @Field(() => Int, { description: 'The decision line paid (0-based, as listed on the decision)' })
  linePosition: number;

  @Field(() => Payee)
  payee: Payee;

  @Field(() => Int, { description: 'Senttiä' })
  amountCents: number;

  @Field(() => LocalDateScalar, { description: 'Eräpäivä' })
  dueOn: string;

  @Field(() => PaymentStatusValue)
  status: PaymentStatusValue;

  @Field(() => ID, { nullable: true })
  batchId: string | null;
}

@ObjectType('IncomeSupportPaymentBatch', { description: 'Maksuaineisto: ISO 20022 pain.001.001.09 credit transfers for the county’s bank' })
export class IncomeSupportPaymentBatch {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'GrpHdr/MsgId' })
  messageId: string;

  @Field(() => LocalDateScalar, { description: 'ReqdExctnDt' })
  requestedExecutionDate: string;

  @Field(() => Int, { description: 'NbOfTxs' })
  numberOfTransactions: number;

  @Field(() => Int, { description: 'CtrlSum in cents' })
  controlSumCents: number;

  @Field(() => String, { description: 'The pain.001.001.09 XML document' })
  document: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => [IncomeSupportPayment])
  payments: IncomeSupportPayment[];
}

@InputType('IncomeSupportPayeeAccountInput', { description: 'Maksunsaajan tili' })
export class PayeeAccountInput {
  @Field(() => Payee)
  payee: Payee;

  @Field(() => String, { description: 'IBAN' })
  iban: string;

  @Field(() => String, { description: 'Account holder as the bank knows them (1–70 characters)' })
  name: string;
}

@InputType({ description: 'Maksatus: a payment per granted line of a decision' })
export class ScheduleIncomeSupportPaymentsInput {
  @Field(() => ID)
  decisionId: string;

  @Field(() => LocalDateScalar, { description: 'Eräpäivä; not before the decision day' })
  dueOn: string;

  @Field(() => [PayeeAccountInput], { description: 'One account per payee of the granted lines' })
  accounts: PayeeAccountInput[];
}

@InputType({ description: 'Maksuaineisto: batch every scheduled payment due by the execution date' })
export class CreateIncomeSupportPaymentBatchInput {
  @Field(() => LocalDateScalar, { description: 'ReqdExctnDt: not in the past' })
  executionDate: string;
}
