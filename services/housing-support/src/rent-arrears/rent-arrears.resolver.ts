import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access } from '../access-policy';
import { repaymentProgress } from '../domain';
import { authorizeClientWork, authorizeHousingWork, HOUSING_SUPPORT_ROLES } from '../authorization';
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
    authorizeHousingWork(ctx);
    const clientId = parseId(input.clientId, 'clientId');
    const actor = await authorizeClientWork(ctx, clientId, 'CHANGE', 'rentArrears');
    const arrears = await this.commands.report(clientId, { amountCents: input.amountCents, landlord: input.landlord, months: input.months }, actor);
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  @Mutation(() => RentArrears, { name: 'agreeRepaymentPlan', description: 'Agrees a repayment plan (maksusuunnitelma) whose instalments clear the arrears exactly.' })
  async agreePlan(@Args('input') input: AgreeRepaymentPlanInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    const { id, actor } = await this.changing(ctx, input.rentArrearsId);
    const arrears = await this.commands.agreePlan(id, input.instalments, actor);
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  @Mutation(() => RentArrears, { name: 'recordRepayment', description: 'Records a payment towards the repayment plan.' })
  async recordRepayment(@Args('input') input: RecordRepaymentInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    const { id } = await this.changing(ctx, input.rentArrearsId);
    const arrears = await this.commands.recordPayment(id, { paidOn: input.paidOn, amountCents: input.amountCents });
    ctx.access.changed(arrears.clientId, 'rentArrears');
    return arrears;
  }

  /** A mutation naming arrears: their client, checked before anything is written. */
  private async changing(ctx: GraphContext, rentArrearsId: string) {
    authorizeHousingWork(ctx);
    const id = parseId(rentArrearsId, 'rentArrearsId');
    return { id, actor: await authorizeClientWork(ctx, await this.queries.clientOf(id), 'CHANGE', 'rentArrears') };
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

  @ResolveField(() => [RentArrears], { nullable: true, description: 'Vuokrarästit: the client’s reported rent arrears, newest first.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['rentArrears'], subject: clientField })
  rentArrears(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<RentArrears[]> {
    return ctx.loaders.get('rentArrearsByClient', (ids) => this.queries.arrearsOf(ids)).load(client.id);
  }
}
