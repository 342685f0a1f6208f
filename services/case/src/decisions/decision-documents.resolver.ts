import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, letterFields, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { DecisionDeliveryCommands } from './decision-delivery.commands';
import {
  RecordServiceDecisionAppealInput, RecordServiceDecisionDeliveryInput, ResolveServiceDecisionAppealInput, ServiceDecisionAppeal, ServiceDecisionDelivery,
  ServiceDecisionLetter,
} from './decision-documents.model';
import { DecisionDocumentsQueries } from './decision-documents.queries';
import { ServiceDecision } from './service-decision.model';


/** A signed decision's letter, delivery and requests for review. Access: as for the decision itself (one case's data), one check per resolver. */
@Resolver(() => ServiceDecision)
export class DecisionDocumentsResolver {
  constructor(
    private readonly commands: DecisionDeliveryCommands,
    private readonly queries: DecisionDocumentsQueries,
  ) {}

  @ResolveField(() => ServiceDecisionLetter, { name: 'letter', nullable: true, description: 'Päätöskirje (PDF); null only for decisions made before letters existed' })
  async letter(@Parent() decision: ServiceDecision, @Ctx() ctx: GraphContext): Promise<ServiceDecisionLetter | null> {
    await authorizeClientAccess(ctx, 'read', decision.clientId).read(decision.clientId, 'case:decisions', decision.caseId);
    const row = await ctx.loaders.get('serviceDecisionLetter', (ids) => this.queries.lettersOf(ids)).load(decision.id);
    return row ? letterFields(row) : null;
  }

  @ResolveField(() => ServiceDecisionDelivery, { name: 'delivery', nullable: true, description: 'Tiedoksianto; null until recorded' })
  async delivery(@Parent() decision: ServiceDecision, @Ctx() ctx: GraphContext): Promise<ServiceDecisionDelivery | null> {
    await authorizeClientAccess(ctx, 'read', decision.clientId).read(decision.clientId, 'case:decisions', decision.caseId);
    return ctx.loaders.get('serviceDecisionDelivery', (ids) => this.queries.deliveriesOf(ids)).load(decision.id);
  }

  @ResolveField(() => [ServiceDecisionAppeal], { name: 'appeals', description: 'Oikaisuvaatimukset, in order of arrival' })
  async appeals(@Parent() decision: ServiceDecision, @Ctx() ctx: GraphContext): Promise<ServiceDecisionAppeal[]> {
    await authorizeClientAccess(ctx, 'read', decision.clientId).read(decision.clientId, 'case:decisions', decision.caseId);
    return ctx.loaders.get('serviceDecisionAppeals', (ids) => this.queries.appealsOf(ids)).load(decision.id);
  }

  @Mutation(() => ServiceDecisionDelivery, {
    description: 'Tiedoksianto: records, once, how a signed decision was delivered; the appeal deadline follows from the method (HL 59 §, laki 13/2003 19 §, HL 49 c §).',
  })
  async recordServiceDecisionDelivery(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('input') input: RecordServiceDecisionDeliveryInput,
    @Ctx() ctx: GraphContext,
  ): Promise<ServiceDecisionDelivery> {
    const id = parseId(decisionId, 'decisionId');
    const access = authorizeClientAccess(ctx, 'casework');
    // One case's decision: working on that case admits it (also a case opened on intake only).
    const owner = await this.queries.ownerOfDecision(id);
    const clientId = await access.change(owner?.clientId ?? null, 'case:decisions', owner?.caseId);
    const delivery = await this.commands.recordDelivery(id, input, access.user);
    access.changed(clientId, 'case:decisions');
    return delivery;
  }

  @Mutation(() => ServiceDecisionAppeal, { description: 'Oikaisuvaatimus saapui: recorded with whether it arrived in time; a late one is recorded too.' })
  async recordServiceDecisionAppeal(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('input') input: RecordServiceDecisionAppealInput,
    @Ctx() ctx: GraphContext,
  ): Promise<ServiceDecisionAppeal> {
    const id = parseId(decisionId, 'decisionId');
    const access = authorizeClientAccess(ctx, 'casework');
    // One case's decision: working on that case admits it (also a case opened on intake only).
    const owner = await this.queries.ownerOfDecision(id);
    const clientId = await access.change(owner?.clientId ?? null, 'case:decisions', owner?.caseId);
    const appeal = await this.commands.recordAppeal(id, input, access.user);
    access.changed(clientId, 'case:decisions');
    return appeal;
  }

  @Mutation(() => ServiceDecisionAppeal, { description: 'Oikaisuvaatimuksen ratkaisu: rejected, decision changed (naming the new decision), or not examined (late).' })
  async resolveServiceDecisionAppeal(
    @Args('appealId', { type: () => ID }) appealId: string,
    @Args('input') input: ResolveServiceDecisionAppealInput,
    @Ctx() ctx: GraphContext,
  ): Promise<ServiceDecisionAppeal> {
    const id = parseId(appealId, 'appealId');
    const access = authorizeClientAccess(ctx, 'decide');
    // One case's decision: working on that case admits it (also a case opened on intake only).
    const owner = await this.queries.ownerOfAppeal(id);
    const clientId = await access.change(owner?.clientId ?? null, 'case:decisions', owner?.caseId);
    const appeal = await this.commands.resolveAppeal(id, input);
    access.changed(clientId, 'case:decisions');
    return appeal;
  }
}
