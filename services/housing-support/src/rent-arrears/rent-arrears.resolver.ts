import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { repaymentProgress } from '../domain';
import { authorizeHousingWork } from '../authorization';
import { ClientReference } from '../client-reference';
import { RentArrearsCommands } from './rent-arrears.command';
import { RentArrearsEntity } from './rent-arrears.entity';
import { AgreeRepaymentPlanInput, RecordRepaymentInput, RentArrears, RepaymentPlan, ReportRentArrearsInput } from './rent-arrears.model';
import { RentArrearsQueries } from './rent-arrears.queries';

@Resolver(() => RentArrears)
export class RentArrearsResolver {
  constructor(
    private readonly commands: RentArrearsCommands,
    private readonly queries: RentArrearsQueries,
  ) {}

  @Mutation(() => RentArrears, { name: 'reportRentArrears', description: 'Reports rent arrears (vuokrarästi); benefits-handling drafts a preventive income support application.' })
  async report(@Args('input') input: ReportRentArrearsInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    const worker = authorizeHousingWork(ctx);
    const arrears = await this.commands.report(parseId(input.clientId, 'clientId'), { amountCents: input.amountCents, landlord: input.landlord, months: input.months }, worker, ctx.correlationId);
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  @Mutation(() => RentArrears, { name: 'agreeRepaymentPlan', description: 'Agrees a repayment plan (maksusuunnitelma) whose instalments clear the arrears exactly.' })
  async agreePlan(@Args('input') input: AgreeRepaymentPlanInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    authorizeHousingWork(ctx);
    const arrears = await this.commands.agreePlan(parseId(input.rentArrearsId, 'rentArrearsId'), input.instalments);
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  @Mutation(() => RentArrears, { name: 'recordRepayment', description: 'Records a payment towards the repayment plan.' })
  async recordRepayment(@Args('input') input: RecordRepaymentInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    authorizeHousingWork(ctx);
    const arrears = await this.commands.recordPayment(parseId(input.rentArrearsId, 'rentArrearsId'), { paidOn: input.paidOn, amountCents: input.amountCents });
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  @ResolveField(() => RepaymentPlan, { nullable: true, description: 'The agreed repayment plan and its status today; null until one is agreed.' })
  async repaymentPlan(@Parent() arrears: RentArrearsEntity, @Ctx() ctx: GraphContext): Promise<RepaymentPlan | null> {
    authorizeHousingWork(ctx);
    if (!arrears.planAgreedAt) return null;
    const [instalments, payments] = await Promise.all([
      ctx.loaders.get('instalmentsByArrears', (ids) => this.queries.instalmentsOf(ids)).load(arrears.id),
      ctx.loaders.get('paymentsByArrears', (ids) => this.queries.paymentsOf(ids)).load(arrears.id),
    ]);
    return { instalments, payments, ...repaymentProgress(instalments, payments, todayInFinland()) };
  }
}

@Resolver(() => ClientReference)
export class ClientRentArrearsResolver {
  constructor(private readonly queries: RentArrearsQueries) {}

  @ResolveField(() => [RentArrears], { description: 'Vuokrarästit: the client’s reported rent arrears, newest first.' })
  rentArrears(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<RentArrears[]> {
    authorizeHousingWork(ctx);
    return ctx.loaders.get('rentArrearsByClient', (ids) => this.queries.arrearsOf(ids)).load(client.id);
  }
}
