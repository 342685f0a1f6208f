import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, letterFields, requireUser } from '@asw/subgraph';
import { BenefitsAccess, HANDLE_ROLES, READ_ROLES } from '../access';
import { IncomeSupportApplication } from '../income-support/income-support-application.model';
import { DecideApplicationCommand } from './decide-application.command';
import { DecisionQueries } from './decision.queries';
import { CorrectIncomeSupportDecisionInput, DecideIncomeSupportApplicationInput, DecisionLine, IncomeSupportDecision, IncomeSupportDecisionLetter } from './income-support-decision.model';

@Resolver(() => IncomeSupportDecision)
export class DecisionsResolver {
  constructor(
    private readonly command: DecideApplicationCommand,
    private readonly queries: DecisionQueries,
    private readonly access: BenefitsAccess,
  ) {}

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
