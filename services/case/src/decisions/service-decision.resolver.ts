import { Args, ID, Mutation, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { decisionNotification, LocalDate } from '@asw/calendar';
import { isUuid } from '@asw/platform';
import { Ctx, GraphContext, LocalDateScalar, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Case } from '../cases/case.model';
import { CaseQueries } from '../cases/case.queries';
import { loadCase } from '../cases/case.resolver';

import { DecisionDocumentsQueries } from './decision-documents.queries';
import { ServiceDecisionCommand } from './service-decision.command';
import { DraftServiceDecisionInput, MakeServiceDecisionInput, ServiceDecision, ServiceDecisionDraft, SignServiceDecisionInput } from './service-decision.model';
import { ServiceDecisionDraftEntity } from './service-decision.entity';
import { ServiceDecisionQueries } from './service-decision.queries';

const draftFields = (row: ServiceDecisionDraftEntity): ServiceDecisionDraft => ({
  id: row.id,
  caseId: row.caseId,
  clientId: row.clientId,
  serviceType: row.content.serviceType,
  outcome: row.content.outcome,
  reasoning: row.content.reasoning,
  validFrom: (row.content.validFrom ?? null) as ServiceDecisionDraft['validFrom'],
  validUntil: (row.content.validUntil ?? null) as ServiceDecisionDraft['validUntil'],
  clientGoals: [...(row.content.clientGoals ?? [])],
  draftedBy: row.draftedBy,
  draftedAt: row.draftedAt,
  signedDecisionId: row.signedDecisionId,
});

@Resolver(() => ServiceDecision)
export class ServiceDecisionResolver {
  constructor(
    private readonly command: ServiceDecisionCommand,
    private readonly cases: CaseQueries,
    private readonly documents: DecisionDocumentsQueries,
    private readonly decisions: ServiceDecisionQueries,
  ) {}

  @Mutation(() => ServiceDecisionDraft, {
    description: 'Päätösluonnos: the content of a service decision, checked as a decision would be, stored unsigned on an assessed case (no letter, no event) until signServiceDecision.',
  })
  async draftServiceDecision(@Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: DraftServiceDecisionInput, @Ctx() ctx: GraphContext): Promise<ServiceDecisionDraft> {
    const id = parseId(caseId, 'caseId');
    const access = authorizeClientAccess(ctx, 'decide');
    await access.change((await loadCase(ctx, this.cases, id))?.clientId ?? null, 'case:decisions', id);
    const draft = await this.command.draft(id, input, access.user);
    access.changed(draft.clientId, 'case:decisions');
    return draftFields(draft);
  }

  @Mutation(() => ServiceDecision, {
    description: 'Allekirjoitus: signs a draft; the signer is the decider. Makes the decision, its letter and ServiceDecisionMade, as makeServiceDecision does; a draft is signed once.',
  })
  async signServiceDecision(@Args('draftId', { type: () => ID }) draftId: string, @Args('input', { type: () => SignServiceDecisionInput, nullable: true }) input: SignServiceDecisionInput | null, @Ctx() ctx: GraphContext): Promise<ServiceDecision> {
    const id = parseId(draftId, 'draftId');
    const access = authorizeClientAccess(ctx, 'decide');
    const owner = await this.decisions.caseOfDraft(id);
    await access.change(owner?.clientId ?? null, 'case:decisions', owner?.caseId);
    const decision = await this.command.signDraft(id, input ?? {}, access.user, ctx.correlationId);
    access.changed(decision.clientId, 'case:decisions');
    return decision;
  }

  /**
   * Every other subgraph's `decision { ... }` (e.g. HousingSupportPeriod.decision) comes through here:
   * the decisions of one request loaded in one query, each admitted as `Case.decisions` admits it (one
   * case's data: working on that case, or a client-wide basis). An unknown id is refused like one out
   * of reach, so the field fails on its own path.
   */
  @ResolveReference()
  async resolveReference(reference: { id: string }, ctx: GraphContext): Promise<ServiceDecision> {
    const access = authorizeClientAccess(ctx, 'read');
    const id = isUuid(reference.id) ? reference.id.toLowerCase() : null;
    const decision = id === null ? null : await ctx.loaders.get('serviceDecisionById', (ids) => this.decisions.byIds(ids)).load(id);
    await access.read(decision?.clientId ?? null, 'case:decisions', decision?.caseId);
    return decision!;
  }

  /** The recorded delivery; decisions from before deliveries were recorded keep their posting day (sentOn, by post). */
  private async notification(decision: ServiceDecision, ctx: GraphContext): Promise<{ receivedOn: LocalDate; appealDeadline: LocalDate } | null> {
    const delivery = await ctx.loaders.get('serviceDecisionDelivery', (ids) => this.documents.deliveriesOf(ids)).load(decision.id);
    if (delivery) return delivery;
    if (!decision.sentOn) return null;
    const posted = decisionNotification(decision.sentOn);
    return { receivedOn: posted.deemedReceivedOn, appealDeadline: posted.appealDeadline };
  }

  @Mutation(() => ServiceDecision, {
    name: 'makeServiceDecision',
    description: 'Päätös (SHL §45) by a social worker on an assessed case; publishes ServiceDecisionMade, on which other services act.',
  })
  async make(@Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: MakeServiceDecisionInput, @Ctx() ctx: GraphContext): Promise<ServiceDecision> {
    const id = parseId(caseId, 'caseId');
    const access = authorizeClientAccess(ctx, 'decide');
    await access.change((await loadCase(ctx, this.cases, id))?.clientId ?? null, 'case:decisions', id);
    const decision = await this.command.execute(id, input, access.user, ctx.correlationId);
    access.changed(decision.clientId, 'case:decisions');
    return decision;
  }

  @ResolveField(() => LocalDateScalar, {
    name: 'deemedReceivedOn',
    nullable: true,
    description: 'Tiedoksisaantipäivä from the delivery: post the 7th day (HL 59 §), electronic the 3rd (laki 13/2003 19 §), otherwise the actual day',
  })
  async deemedReceivedOn(@Parent() decision: ServiceDecision, @Ctx() ctx: GraphContext): Promise<LocalDate | null> {
    return (await this.notification(decision, ctx))?.receivedOn ?? null;
  }

  @ResolveField(() => LocalDateScalar, {
    name: 'appealDeadline',
    nullable: true,
    description: 'Oikaisuvaatimuksen määräaika: 30 days from receipt, moved off weekends and holidays (Hallintolaki 49 c §, laki 150/1930)',
  })
  async appealDeadline(@Parent() decision: ServiceDecision, @Ctx() ctx: GraphContext): Promise<LocalDate | null> {
    return (await this.notification(decision, ctx))?.appealDeadline ?? null;
  }
}

/** Case.decisions, for all cases of a request level in one query. */
@Resolver(() => Case)
export class CaseDecisionsResolver {
  constructor(private readonly queries: ServiceDecisionQueries) {}

  @ResolveField(() => [ServiceDecision], { name: 'decisions', description: 'Päätökset, oldest first' })
  async decisions(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<ServiceDecision[]> {
    await authorizeClientAccess(ctx, 'read', parent.clientId).read(parent.clientId, 'case:decisions', parent.id);
    return ctx.loaders.get('decisionsByCase', (ids) => this.queries.byCaseIds(ids)).load(parent.id);
  }

  @ResolveField(() => [ServiceDecisionDraft], { name: 'decisionDrafts', description: 'Päätösluonnokset not yet signed, oldest first' })
  async decisionDrafts(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<ServiceDecisionDraft[]> {
    await authorizeClientAccess(ctx, 'read', parent.clientId).read(parent.clientId, 'case:decisions', parent.id);
    return (await ctx.loaders.get('decisionDraftsByCase', (ids) => this.queries.draftsByCaseIds(ids)).load(parent.id)).map(draftFields);
  }
}
