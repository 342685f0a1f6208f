import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DeliveryMethod } from '@asw/calendar';
import { Ctx, GraphContext, letterFields, LocalDateScalar, requireUser } from '@asw/subgraph';
import { BenefitsAccess, HANDLE_ROLES, READ_ROLES } from '../access';
import { IncomeSupportApplication } from '../income-support/income-support-application.model';
import { DecideApplicationCommand } from './decide-application.command';
import { DecisionQueries } from './decision.queries';
import { IncomeSupportDecisionDeliveryCommands } from './decision-delivery.commands';
import {
  CorrectIncomeSupportDecisionInput, DecideIncomeSupportApplicationInput, DecisionLine, IncomeSupportDecision, IncomeSupportDecisionAppeal, IncomeSupportDecisionDelivery, IncomeSupportDecisionLetter,
  RecordIncomeSupportDecisionAppealInput, RecordIncomeSupportDecisionDeliveryInput, ResolveIncomeSupportDecisionAppealInput,
} from './income-support-decision.model';

const DELIVERY_MOVED = 'Delivery is a separate, later step: read IncomeSupportDecision.delivery (null until recorded).';

@Resolver(() => IncomeSupportDecision)
export class DecisionsResolver {
  constructor(
    private readonly command: DecideApplicationCommand,
    private readonly queries: DecisionQueries,
    private readonly access: BenefitsAccess,
    private readonly delivery: IncomeSupportDecisionDeliveryCommands,
  ) {}

  @Mutation(() => IncomeSupportDecisionDelivery, {
    description:
      'Tiedoksianto: records, once and after the decision is made, how an income-support decision was delivered; the receipt day and the appeal deadline follow from the method (HL 59 §, laki 13/2003 19 §, HL 49 c §).',
  })
  async recordIncomeSupportDecisionDelivery(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('input') input: RecordIncomeSupportDecisionDeliveryInput,
    @Ctx() ctx: GraphContext,
  ): Promise<IncomeSupportDecisionDelivery> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    const decision = await this.access.decision(ctx, decisionId, 'CHANGE');
    const row = await this.delivery.recordDelivery(decision.id, input, user);
    ctx.access.changed(decision.clientId, 'incomeSupportDecisions');
    return row;
  }

  @Mutation(() => IncomeSupportDecisionAppeal, { description: 'Oikaisuvaatimus saapui: recorded with whether it arrived in time (HL 49 c §); a late one is recorded too.' })
  async recordIncomeSupportDecisionAppeal(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('input') input: RecordIncomeSupportDecisionAppealInput,
    @Ctx() ctx: GraphContext,
  ): Promise<IncomeSupportDecisionAppeal> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    const decision = await this.access.decision(ctx, decisionId, 'CHANGE');
    const appeal = await this.delivery.recordAppeal(decision.id, input, user);
    ctx.access.changed(decision.clientId, 'incomeSupportDecisions');
    return appeal;
  }

  @Mutation(() => IncomeSupportDecisionAppeal, {
    description: 'Oikaisuvaatimuksen ratkaisu: rejected, decision changed (naming the correction on the same application), or not examined (late, HL 49 c §).',
  })
  async resolveIncomeSupportDecisionAppeal(
    @Args('appealId', { type: () => ID }) appealId: string,
    @Args('input') input: ResolveIncomeSupportDecisionAppealInput,
    @Ctx() ctx: GraphContext,
  ): Promise<IncomeSupportDecisionAppeal> {
    requireUser(ctx.identity, ...HANDLE_ROLES);
    const appeal = await this.access.appeal(ctx, appealId, 'CHANGE');
    const resolved = await this.delivery.resolveAppeal(appeal.id, input);
    ctx.access.changed(appeal.clientId, 'incomeSupportDecisions');
    return resolved;
  }

  @ResolveField(() => IncomeSupportDecisionDelivery, { name: 'delivery', nullable: true, description: 'Tiedoksianto; null until recorded' })
  deliveryOf(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecisionDelivery | null> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('decisionDelivery', (ids) => this.queries.deliveriesOf(ids)).load(decision.id);
  }

  @ResolveField(() => [IncomeSupportDecisionAppeal], { name: 'appeals', description: 'Oikaisuvaatimukset, in order of arrival' })
  appeals(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecisionAppeal[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('decisionAppeals', (ids) => this.queries.appealsOf(ids)).load(decision.id);
  }

  @ResolveField(() => DeliveryMethod, { nullable: true, deprecationReason: DELIVERY_MOVED, description: 'Tiedoksiantotapa; null until the delivery is recorded' })
  async deliveryMethod(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<DeliveryMethod | null> {
    return (await this.deliveryOf(decision, ctx))?.method ?? null;
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, deprecationReason: DELIVERY_MOVED, description: 'Lähetetty; null until the delivery is recorded' })
  async sentOn(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await this.deliveryOf(decision, ctx))?.sentOn ?? null;
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, deprecationReason: DELIVERY_MOVED, description: 'Tiedoksisaantipäivä; null until the delivery is recorded' })
  async deemedReceivedOn(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await this.deliveryOf(decision, ctx))?.receivedOn ?? null;
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, deprecationReason: DELIVERY_MOVED, description: 'Oikaisuvaatimuksen määräaika; null until the delivery is recorded' })
  async appealDeadline(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await this.deliveryOf(decision, ctx))?.appealDeadline ?? null;
  }

  @Mutation(() => IncomeSupportDecision, {
    description: 'Ratkaisu: decides an application per expense line; a decided application is not decided again (correct the decision instead).',
  })
  async decideIncomeSupportApplication(@Args('input') input: DecideIncomeSupportApplicationInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecision> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.application(ctx, input.applicationId, 'CHANGE');
    const decision = await this.command.decide(input, user, ctx.correlationId);
    ctx.access.changed(decision.clientId, 'incomeSupportDecisions');
    return decision;
  }

  @Mutation(() => IncomeSupportDecision, { description: 'Oikaisu: a new decision replacing the latest decision on the application.' })
  async correctIncomeSupportDecision(@Args('input') input: CorrectIncomeSupportDecisionInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecision> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.decision(ctx, input.decisionId, 'CHANGE');
    const decision = await this.command.correct(input, user, ctx.correlationId);
    ctx.access.changed(decision.clientId, 'incomeSupportDecisions');
    return decision;
  }

  @ResolveField(() => [DecisionLine])
  lines(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<DecisionLine[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('decisionLines', (ids) => this.queries.linesOf(ids)).load(decision.id);
  }

  @ResolveField(() => IncomeSupportDecisionLetter, { nullable: true, description: 'Päätöskirje (PDF); null only for decisions made before letters existed' })
  async letter(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecisionLetter | null> {
    requireUser(ctx.identity, ...READ_ROLES);
    const row = await ctx.loaders.get('decisionLetter', (ids) => this.queries.lettersOf(ids)).load(decision.id);
    return row ? letterFields(row) : null;
  }
}

@Resolver(() => IncomeSupportApplication)
export class ApplicationDecisionsResolver {
  constructor(private readonly queries: DecisionQueries) {}

  @ResolveField(() => [IncomeSupportDecision], { description: 'Päätökset: the decision and any corrections, oldest first.' })
  decisions(@Parent() application: IncomeSupportApplication, @Ctx() ctx: GraphContext): Promise<IncomeSupportDecision[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('decisionsByApplication', (ids) => this.queries.decisionsOf(ids)).load(application.id);
  }
}
