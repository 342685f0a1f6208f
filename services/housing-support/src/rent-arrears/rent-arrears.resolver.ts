import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, arrearsSubject, housingActor, HOUSING_SUPPORT_ROLES, inputClient } from '../access-policy';
import { repaymentProgress } from '../domain';
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
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['rentArrears'], subject: inputClient })
  report(@Args('input') input: ReportRentArrearsInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    const report = { amountCents: input.amountCents, landlord: input.landlord, months: input.months };
    return this.commands.report(parseId(input.clientId, 'clientId'), report, housingActor(ctx));
  }

  @Mutation(() => RentArrears, { name: 'agreeRepaymentPlan', description: 'Agrees a repayment plan (maksusuunnitelma) whose instalments clear the arrears exactly.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['rentArrears'], subject: ({ args, ctx }) => arrearsSubject(ctx, args.input.rentArrearsId) })
  agreePlan(@Args('input') input: AgreeRepaymentPlanInput, @Ctx() ctx: GraphContext): Promise<RentArrearsEntity> {
    return this.commands.agreePlan(parseId(input.rentArrearsId, 'rentArrearsId'), input.instalments, housingActor(ctx));
  }

  @Mutation(() => RentArrears, { name: 'recordRepayment', description: 'Records a payment towards the repayment plan.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['rentArrears'], subject: ({ args, ctx }) => arrearsSubject(ctx, args.input.rentArrearsId) })
  recordRepayment(@Args('input') input: RecordRepaymentInput): Promise<RentArrearsEntity> {
    return this.commands.recordPayment(parseId(input.rentArrearsId, 'rentArrearsId'), { paidOn: input.paidOn, amountCents: input.amountCents });
  }

  /** The arrears themselves were admitted where they were loaded: the role is checked here. */
  @ResolveField(() => RepaymentPlan, { nullable: true, description: 'The agreed repayment plan and its status today; null until one is agreed.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['rentArrears'] })
  async repaymentPlan(@Parent() arrears: RentArrearsEntity, @Ctx() ctx: GraphContext): Promise<RepaymentPlan | null> {
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
