import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, requireUser } from '@asw/subgraph';
import { BenefitsAccess, HANDLE_ROLES, QUEUE_ROLES, READ_ROLES } from '../access';
import { IncomeSupportDecision } from '../decisions/income-support-decision.model';
import { PaymentQueries } from './payment.queries';
import { CreateIncomeSupportPaymentBatchInput, IncomeSupportPayment, IncomeSupportPaymentBatch, ScheduleIncomeSupportPaymentsInput } from './payment.model';
import { PaymentsCommands } from './payments.commands';

const asPayment = <T extends { status: string }>(row: T) => row as unknown as IncomeSupportPayment;

@Resolver(() => IncomeSupportPayment)
export class PaymentsResolver {
  constructor(
    private readonly commands: PaymentsCommands,
    private readonly access: BenefitsAccess,
  ) {}

  @Mutation(() => [IncomeSupportPayment], {
    description: 'Maksatus: one payment per granted line of the decision; asking again returns the same payments (never two for a line).',
  })
  async scheduleIncomeSupportPayments(@Args('input') input: ScheduleIncomeSupportPaymentsInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportPayment[]> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    const scope = await this.access.decision(ctx, input.decisionId, 'CHANGE');
    const payments = await this.commands.schedule(input, user, ctx.correlationId);
    ctx.access.changed(scope.clientId, 'incomeSupportPayments');
    return payments.map(asPayment);
  }

  @Mutation(() => IncomeSupportPaymentBatch, { description: 'Maksuaineisto: every scheduled payment due by the date, as one pain.001.001.09 credit transfer.' })
  async createIncomeSupportPaymentBatch(@Args('input') input: CreateIncomeSupportPaymentBatchInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportPaymentBatch> {
    const user = requireUser(ctx.identity, ...QUEUE_ROLES);
    const { batch, payments } = await this.commands.batch(input, user, ctx.correlationId);
    for (const clientId of new Set(payments.map((payment) => payment.clientId))) ctx.access.changed(clientId, 'incomeSupportPayments');
    return { ...batch, payments: payments.map(asPayment) };
  }
}

/** IncomeSupportDecision.payments and .letter, read as the decision's lines are. */
@Resolver(() => IncomeSupportDecision)
export class DecisionPaymentsResolver {
  constructor(private readonly queries: PaymentQueries) {}

  @ResolveField(() => [IncomeSupportPayment], { description: 'Maksut: one per paid line' })
  async payments(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<IncomeSupportPayment[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return (await ctx.loaders.get('paymentsByDecision', (ids) => this.queries.paymentsOf(ids)).load(decision.id)).map(asPayment);
  }
}
