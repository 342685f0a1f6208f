import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@asw/platform';
import { clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, periodSubject } from '../access-policy';
import { authorizeClientWork, authorizeHousingWork, visibleClients, HOUSING_SUPPORT_ROLES } from '../authorization';
import { SupportPeriodStatus } from '../domain';
import { ClientReference } from '../client-reference';
import { SupportPeriodCommands } from './support-period.command';
import { HousingSupportPeriodEntity, toSupportPeriod } from './support-period.entity';
import { EndHousingSupportPeriodInput, HousingSupportPeriod, PlanHousingSupportPeriodInput, RecordHousingSupportOutcomeInput, VisitSchedule } from './support-period.model';
import { SupportPeriodQueries } from './support-period.queries';

@Resolver(() => HousingSupportPeriod)
export class SupportPeriodResolver {
  constructor(
    private readonly commands: SupportPeriodCommands,
    private readonly queries: SupportPeriodQueries,
  ) {}

  @Query(() => HousingSupportPeriod, { name: 'housingSupportPeriod', nullable: true, description: 'One housing support period (tukijakso) by id (an unknown id is refused like one out of reach).' })
  @Access({
    roles: HOUSING_SUPPORT_ROLES,
    action: 'READ',
    categories: ['housingSupport'],
    subject: ({ args, ctx }) => periodSubject(ctx, args.id),
  })
  async period(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity | null> {
    return ctx.loaders.get('housingSupportPeriodById', (ids) => this.queries.byIds(ids)).load(parseId(id, 'id'));
  }

  @Query(() => [HousingSupportPeriod], {
    name: 'housingSupportPeriods',
    description: 'Tukijaksot in one status (e.g. PLANNING: waiting for a plan, ACTIVE: this week’s visits), newest first; only the caller’s clients.',
  })
  async periods(@Args('status', { type: () => SupportPeriodStatus }) status: SupportPeriodStatus, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity[]> {
    const worker = authorizeHousingWork(ctx);
    const periods = await visibleClients(ctx, await this.queries.withStatusNear(status, worker));
    for (const period of periods) ctx.access.read(period.clientId, 'housingSupport');
    return periods;
  }

  /** A mutation naming a period: the period's client, checked before anything is written. */
  private async changing(ctx: GraphContext, periodId: string) {
    authorizeHousingWork(ctx);
    const id = parseId(periodId, 'periodId');
    const clientId = await this.queries.clientOf(id);
    return { id, actor: await authorizeClientWork(ctx, clientId, 'CHANGE', 'housingSupport') };
  }

  @Mutation(() => HousingSupportPeriod, {
    name: 'planHousingSupportPeriod',
    description: 'Records the plan of a period being planned: fixed term, personal goals per guidance area, visit schedule.',
  })
  async plan(@Args('input') input: PlanHousingSupportPeriodInput, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    const { id, actor } = await this.changing(ctx, input.periodId);
    const period = await this.commands.plan(id, { startsOn: input.startsOn, endsOn: input.endsOn, goals: input.goals, visitSchedule: input.visitSchedule ?? null }, actor);
    ctx.access.changed(period.clientId, 'housingSupport');
    return period;
  }

  @Mutation(() => HousingSupportPeriod, { name: 'startHousingSupportPeriod', description: 'Starts a planned period (käynnistä tukijakso).' })
  async start(@Args('periodId', { type: () => ID }) periodId: string, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    const { id, actor } = await this.changing(ctx, periodId);
    const period = await this.commands.start(id, actor);
    ctx.access.changed(period.clientId, 'housingSupport');
    return period;
  }

  @Mutation(() => HousingSupportPeriod, { name: 'endHousingSupportPeriod', description: 'The worker ends the period with an outcome (päätä tukijakso).' })
  async end(@Args('input') input: EndHousingSupportPeriodInput, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    const { id, actor } = await this.changing(ctx, input.periodId);
    const period = await this.commands.endByWorker(id, input.endedOn, input.outcome, actor);
    ctx.access.changed(period.clientId, 'housingSupport');
    return period;
  }

  @Mutation(() => HousingSupportPeriod, {
    name: 'recordHousingSupportOutcome',
    description: 'Records the outcome (tulos) of an ended period, e.g. one that ran to its end date; CONFLICT while the period runs.',
  })
  async recordOutcome(@Args('input') input: RecordHousingSupportOutcomeInput, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    const { id } = await this.changing(ctx, input.periodId);
    const period = await this.commands.recordOutcome(id, input.outcome);
    ctx.access.changed(period.clientId, 'housingSupport');
    return period;
  }

  @ResolveField(() => VisitSchedule, { nullable: true, description: 'The agreed visit schedule (käyntisuunnitelma), once recorded' })
  visitSchedule(@Parent() period: HousingSupportPeriodEntity, @Ctx() ctx: GraphContext): VisitSchedule | null {
    authorizeHousingWork(ctx);
    return toSupportPeriod(period).visitSchedule;
  }
}

@Resolver(() => ClientReference)
export class ClientHousingSupportResolver {
  constructor(private readonly queries: SupportPeriodQueries) {}

  @ResolveField(() => [HousingSupportPeriod], { nullable: true, description: 'Asumissosiaalinen työ: the client’s housing support periods, newest first (null with FORBIDDEN on this path without a relationship).' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['housingSupport'], subject: clientField })
  housingSupport(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity[]> {
    return ctx.loaders.get('housingSupportByClient', (ids) => this.queries.periodsOf(ids)).load(client.id);
  }
}
