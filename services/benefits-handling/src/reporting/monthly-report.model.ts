import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IncomeSupportKind, ProcessingQueue } from '../domain';

@ObjectType('IncomeSupportMonthlyReportRow', {
  description: 'Käsittelyaikaseuranta: applications received and decided in a month, and the share decided within the §14 a deadline.',
})
export class MonthlyReportRow {
  @Field(() => String, { description: 'YYYY-MM' })
  month: string;

  @Field(() => IncomeSupportKind)
  kind: IncomeSupportKind;

  @Field(() => ProcessingQueue)
  queue: ProcessingQueue;

  @Field(() => Int, { description: 'Saapuneet' })
  received: number;

  @Field(() => Int, { description: 'Ratkaistut' })
  decided: number;

  @Field(() => Int, { description: 'Ratkaistu määräajassa' })
  decidedWithinDeadline: number;

  @Field(() => Float, { nullable: true, description: 'decidedWithinDeadline / decided (4 decimals); null when nothing was decided' })
  share: number | null;
}
