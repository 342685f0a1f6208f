import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDate, todayInFinland } from '@asw/calendar';
import { badInput, notFound } from '@asw/platform';
import { Ctx, GraphContext, LocalDateScalar, parseId } from '@asw/subgraph';
import { authorizeClientAccess, ClientAccess } from '../access/client-access';
import { Client } from '../clients/client.model';
import { ClientQueries } from '../clients/client.queries';
import { allowedFrom, CaseActivationBasis, CaseStatus, recommendRouting } from '../domain';
import { Worker } from '../workers/worker.model';
import { WorkerQueries } from '../workers/worker.queries';
import { actorOf, CaseCommands } from './case.command';
import { Case, CaseQueueEntry, CaseStatusChange, CloseCaseInput, CompleteAssessmentInput, OpenCaseInput, RoutingRecommendation, ServiceNeedAssessment } from './case.model';
import { CaseQueries } from './case.queries';
import { caseDueState, compareQueue } from './case.rules';

const MAX_QUEUE = 500;

@Resolver(() => Case)
export class CaseResolver {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly clients: ClientQueries,
    private readonly workers: WorkerQueries,
  ) {}

  @Mutation(() => Case, { name: 'openCase', description: 'Vireilletulo (SHL §34–35): opens a pending case; one open case per client and service task.' })
  async openCase(@Args('input') input: OpenCaseInput, @Ctx() ctx: GraphContext): Promise<Case> {
    const clientId = parseId(input.clientId, 'clientId');
    const access = authorizeClientAccess(ctx, 'work', clientId);
    // Intake: any client worker may open a case for a client (SHL §34–35); the opener then works on it.
    access.admitOn(clientId, 'intake');
    return changedCase(access, await this.commands.open(clientId, input, access.user, ctx.correlationId));
  }

  @Mutation(() => Case, { name: 'startAssessment', description: 'Palvelutarpeen arviointi alkaa (SHL §36): INITIATED → ASSESSMENT.' })
  async startAssessment(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('startedOn', { type: () => LocalDateScalar, nullable: true, description: 'Today when absent' }) startedOn: LocalDate | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Case> {
    const { access, id } = await this.admitChange(ctx, caseId);
    return changedCase(access, await this.commands.startAssessment(id, startedOn, actorOf(access.user, ctx.correlationId)));
  }

  @Mutation(() => Case, { name: 'completeAssessment', description: 'Palvelutarpeen arviointi valmis (SHL §36): ASSESSMENT → PLANNING; the case then offers a routing recommendation.' })
  async completeAssessment(@Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: CompleteAssessmentInput, @Ctx() ctx: GraphContext): Promise<Case> {
    const { access, id } = await this.admitChange(ctx, caseId);
    return changedCase(access, await this.commands.completeAssessment(id, input, actorOf(access.user, ctx.correlationId)));
  }

  @Mutation(() => Case, { name: 'activateCase', description: 'PLANNING → ACTIVE (SHL §39).' })
  async activateCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('basis', { type: () => CaseActivationBasis }) basis: CaseActivationBasis,
    @Ctx() ctx: GraphContext,
  ): Promise<Case> {
    const { access, id } = await this.admitChange(ctx, caseId);
    return changedCase(access, await this.commands.activate(id, basis, actorOf(access.user, ctx.correlationId)));
  }

  @Mutation(() => Case, { name: 'closeCase', description: 'Asiakkuuden päättäminen (SHL §34) with a reason; other services end what is open.' })
  async closeCase(@Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: CloseCaseInput, @Ctx() ctx: GraphContext): Promise<Case> {
    const { access, id } = await this.admitChange(ctx, caseId);
    return changedCase(access, await this.commands.close(id, input, actorOf(access.user, ctx.correlationId)));
  }

  @Mutation(() => Case, {
    name: 'assignResponsibleWorker',
    description: 'Omatyöntekijä (SHL §42): a SOCIAL_WORKER or SOCIAL_INSTRUCTOR; if the client needs special support, the named worker or a co-worker must be a SOCIAL_WORKER.',
  })
  async assignResponsibleWorker(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('workerId', { type: () => ID }) workerId: string,
    @Args('coWorkerIds', { type: () => [ID], defaultValue: [] }) coWorkerIds: string[],
    @Ctx() ctx: GraphContext,
  ): Promise<Case> {
    const { access, id, clientId } = await this.admitChange(ctx, caseId);
    // An assigner who reaches the client client-wide makes a case opened on intake only an ordinary one.
    const widen = (await access.basisFor(clientId, 'case:cases'))?.startsWith('relationship:') ?? false;
    return changedCase(access, await this.commands.assignResponsibleWorker(
      id,
      parseId(workerId, 'workerId'),
      coWorkerIds.map((id) => parseId(id, 'coWorkerIds')),
      actorOf(access.user, ctx.correlationId),
      widen,
    ));
  }

  @Query(() => Case, { name: 'case', description: 'One case (asiakkuus) by id.' })
  async case(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<Case> {
    const caseId = parseId(id, 'id');
    const access = authorizeClientAccess(ctx, 'read');
    const found = await loadCase(ctx, this.queries, caseId);
    await access.read(found?.clientId ?? null, 'case:cases', caseId);
    return found!;
  }

  @Query(() => [CaseQueueEntry], { name: 'caseQueue', description: 'Tiimin jono: a team’s open cases, overdue first, then by the next §36 target date.' })
  async caseQueue(
    @Args('team', { type: () => String }) team: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<CaseQueueEntry[]> {
    const access = authorizeClientAccess(ctx, 'read');
    if (!team?.trim()) throw badInput('team is required', { field: 'team' });
    if (!Number.isInteger(first) || first < 1 || first > MAX_QUEUE) throw badInput(`first must be a whole number from 1 to ${MAX_QUEUE}`, { field: 'first' });
    const today = todayInFinland();
    const queue = (await this.queries.openForTeam(team.trim())).map((row) => ({ case: row, ...caseDueState(row, today), openedAt: row.openedAt, id: row.id })).sort(compareQueue);
    // Only the cases of clients the caller has a relationship with (the team's supervisor: all).
    const shown = await access.filter(queue, (entry) => entry.case.clientId, 'case:cases', { limit: first, caseIdOf: (entry) => entry.case.id });
    return shown.map(({ case: row, nextDueOn, overdue }) => ({ case: row, nextDueOn, overdue }));
  }

  @ResolveField(() => Client, { name: 'client' })
  async client(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<Client> {
    await authorizeClientAccess(ctx, 'read', parent.clientId).read(parent.clientId, 'case:client');
    const client = await ctx.loaders.get('clientById', (ids) => this.clients.byIds(ids)).load(parent.clientId);
    if (!client) throw notFound('No client with that id', { id: parent.clientId });
    return client;
  }

  @ResolveField(() => Boolean, { name: 'overdue', description: 'Myöhässä: a §36 target passed while its step is undone' })
  overdue(@Parent() parent: Case): boolean {
    return caseDueState(parent, todayInFinland()).overdue;
  }

  @ResolveField(() => [CaseStatus], { name: 'allowedTransitions', description: 'The states the case may move to next' })
  allowedTransitions(@Parent() parent: Case): CaseStatus[] {
    return allowedFrom(parent.status);
  }

  @ResolveField(() => ServiceNeedAssessment, { name: 'assessment', nullable: true })
  assessment(@Parent() parent: Case): ServiceNeedAssessment | null {
    if (!parent.assessmentStartedOn) return null;
    return {
      startedOn: parent.assessmentStartedOn,
      completedOn: parent.assessmentCompletedOn,
      supportNeeds: parent.supportNeeds ?? [],
      specialSupportNeeded: parent.specialSupportNeeded,
      summary: parent.assessmentSummary,
    };
  }

  @ResolveField(() => RoutingRecommendation, { name: 'routingRecommendation', nullable: true, description: 'Ohjaussuositus after the assessment; null before it is complete' })
  routingRecommendation(@Parent() parent: Case): RoutingRecommendation | null {
    if (!parent.assessmentCompletedOn || !parent.routingFindings || parent.ageAtAssessment === null) return null;
    const { recommendedRole, reasons } = recommendRouting({
      ...parent.routingFindings,
      age: parent.ageAtAssessment,
      supportNeeds: parent.supportNeeds ?? [],
      specialSupportNeeded: parent.specialSupportNeeded === true,
    });
    return { recommendedRole, reasons: reasons.map((reason) => ({ ruleId: reason.ruleId, descriptionFi: reason.description.fi, descriptionEn: reason.description.en })) };
  }

  @ResolveField(() => Worker, { name: 'responsibleWorker', nullable: true, description: 'Omatyöntekijä (SHL §42)' })
  responsibleWorker(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<Worker | null> | null {
    if (!parent.responsibleWorkerId) return null;
    return ctx.loaders.get('workerById', (ids) => this.workers.byIds(ids)).load(parent.responsibleWorkerId);
  }

  @ResolveField(() => [Worker], { name: 'coWorkers', description: 'Työparit: others working on the case' })
  coWorkers(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<Worker[]> {
    return ctx.loaders.get('caseCoWorkers', (ids) => this.queries.coWorkers(ids)).load(parent.id);
  }

  /** A change to a case is admitted by a relationship with its client, checked before anything is written. */
  private async admitChange(ctx: GraphContext, caseId: string): Promise<{ access: ClientAccess; id: string; clientId: string }> {
    const id = parseId(caseId, 'caseId');
    const access = authorizeClientAccess(ctx, 'casework');
    const clientId = await access.change((await loadCase(ctx, this.queries, id))?.clientId ?? null, 'case:cases', id);
    return { access, id, clientId };
  }

  @ResolveField(() => [CaseStatusChange], { name: 'statusHistory', description: 'Every transition, oldest first' })
  async statusHistory(@Parent() parent: Case, @Ctx() ctx: GraphContext): Promise<CaseStatusChange[]> {
    const rows = await ctx.loaders.get('caseStatusHistory', (ids) => this.queries.statusHistory(ids)).load(parent.id);
    return rows.map((row) => ({ from: row.fromStatus, to: row.toStatus, changedAt: row.changedAt, changedBy: row.changedBy }));
  }
}

/** Client.cases: the client's cases, newest first, in one query for all clients of a request level. */
@Resolver(() => Client)
export class ClientCasesResolver {
  constructor(private readonly queries: CaseQueries) {}

  @ResolveField(() => [Case], { name: 'cases', nullable: true, description: 'Asiakkuudet: the client’s cases the caller reaches, newest first (a worker on a case opened on intake only: that case)' })
  async cases(@Parent() client: Client, @Ctx() ctx: GraphContext): Promise<Case[]> {
    const access = authorizeClientAccess(ctx, 'read', client.id);
    const cases = await ctx.loaders.get('casesByClient', (ids) => this.queries.byClientIds(ids)).load(client.id);
    const shown = await access.filter(cases, (row) => row.clientId, 'case:cases', { caseIdOf: (row) => row.id });
    // No basis for any of them (a benefits handler on the queue): refused on this field's path.
    if (shown.length === 0 && cases.length > 0) await access.read(client.id, 'case:cases');
    return shown;
  }
}

/** A changed case goes on the access log under its client. */
function changedCase(access: ClientAccess, changed: Case): Case {
  access.changed(changed.clientId, 'case:cases');
  return changed;
}

export function loadCase(ctx: GraphContext, queries: CaseQueries, id: string) {
  return ctx.loaders.get('caseById', (ids) => queries.byIds(ids)).load(id);
}
