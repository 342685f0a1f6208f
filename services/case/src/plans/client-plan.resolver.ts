import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Case } from '../cases/case.model';
import { CaseQueries } from '../cases/case.queries';
import { loadCase } from '../cases/case.resolver';
import { summariseGoalAttainment } from '../domain';
import { ClientPlanCommands } from './client-plan.command';
import { ClientPlanReviewEntity } from './client-plan.entity';
import { ClientPlan, ClientPlanInput, ClientPlanReview, ClientPlanReviewInput } from './client-plan.model';
import { ClientPlanQueries } from './client-plan.queries';

const toReview = (row: ClientPlanReviewEntity): ClientPlanReview => ({ ...row, achievedShare: summariseGoalAttainment(row.attainments).achievedShare });

@Resolver(() => ClientPlan)
export class ClientPlanResolver {
  constructor(
    private readonly commands: ClientPlanCommands,
    private readonly queries: ClientPlanQueries,
    private readonly cases: CaseQueries,
  ) {}

  @Mutation(() => ClientPlan, { name: 'makeClientPlan', description: 'Asiakassuunnitelma (SHL §39): a new version of the case’s plan; earlier versions are kept.' })
  async make(@Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: ClientPlanInput, @Ctx() ctx: GraphContext): Promise<ClientPlan> {
    const id = parseId(caseId, 'caseId');
    const access = authorizeClientAccess(ctx, 'casework');
    await access.change((await loadCase(ctx, this.cases, id))?.clientId ?? null, 'case:plans', id);
    const plan = await this.commands.make(id, input, access.user, ctx.correlationId);
    access.changed(plan.clientId, 'case:plans');
    return plan;
  }

  @Mutation(() => ClientPlanReview, { name: 'reviewClientPlan', description: 'Suunnitelman arviointi: goal attainment at a review, one per goal.' })
  async review(@Args('planId', { type: () => ID }) planId: string, @Args('input') input: ClientPlanReviewInput, @Ctx() ctx: GraphContext): Promise<ClientPlanReview> {
    const id = parseId(planId, 'planId');
    const access = authorizeClientAccess(ctx, 'casework');
    const [plan] = await this.queries.byIds([id]);
    await access.change(plan?.clientId ?? null, 'case:plans', plan?.caseId);
    const { review, clientId } = await this.commands.review(id, input, access.user, ctx.correlationId);
    access.changed(clientId, 'case:plans');
    return toReview(review);
  }

  @ResolveField(() => [ClientPlanReview], { name: 'reviews', description: 'Arvioinnit, oldest first' })
  async reviews(@Parent() plan: ClientPlan, @Ctx() ctx: GraphContext): Promise<ClientPlanReview[]> {
    return (await ctx.loaders.get('planReviews', (ids) => this.queries.reviewsByPlanIds(ids)).load(plan.id)).map(toReview);
  }
}

/** Case.plans (history, newest first) and Case.currentPlan, for all cases of a request level in one query. */
@Resolver(() => Case)
export class CasePlansResolver {
  constructor(private readonly queries: ClientPlanQueries) {}

  @ResolveField(() => [ClientPlan], { name: 'plans', description: 'Asiakassuunnitelman versiot, newest first' })
  async plans(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<ClientPlan[]> {
    await authorizeClientAccess(ctx, 'read', parent.clientId).read(parent.clientId, 'case:plans', parent.id);
    return ctx.loaders.get('plansByCase', (ids) => this.queries.byCaseIds(ids)).load(parent.id);
  }

  @ResolveField(() => ClientPlan, { name: 'currentPlan', nullable: true, description: 'Voimassa oleva asiakassuunnitelma: the latest version' })
  async currentPlan(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<ClientPlan | null> {
    await authorizeClientAccess(ctx, 'read', parent.clientId).read(parent.clientId, 'case:plans', parent.id);
    return (await ctx.loaders.get('plansByCase', (ids) => this.queries.byCaseIds(ids)).load(parent.id))[0] ?? null;
  }
}
