import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@asw/platform';
import { admittedUser, AccessCall, clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, housingActor, HOUSING_SUPPORT_ROLES, periodSubject } from '../access-policy';
import { SupportPeriodStatus } from '../domain';
import { ClientReference } from '../client-reference';
import { ServiceDecisionReference } from '../service-decision-reference';
import { SupportPeriodCommands } from './support-period.command';
import { HousingSupportPeriodEntity, toSupportPeriod } from './support-period.entity';
import { EndHousingSupportPeriodInput, HousingSupportPeriod, PlanHousingSupportPeriodInput, RecordHousingSupportOutcomeInput, VisitSchedule } from './support-period.model';
import { SupportPeriodQueries } from './support-period.queries';

/** A mutation naming a period: the period's client, admitted before anything is written, the change recorded. */
const changingPeriod = (periodId: (call: AccessCall) => string) =>
  ({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['housingSupport'], subject: (call: AccessCall) => periodSubject(call.ctx, periodId(call), 'periodId') }) as const;

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
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['housingSupport'], each: (period: HousingSupportPeriodEntity) => ({ clientId: period.clientId }) })
  periods(@Args('status', { type: () => SupportPeriodStatus }) status: SupportPeriodStatus, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity[]> {
    return this.queries.withStatusNear(status, admittedUser(ctx));
  }

  @Mutation(() => HousingSupportPeriod, {
    name: 'planHousingSupportPeriod',
    description: 'Records the plan of a period being planned: fixed term, personal goals per guidance area, visit schedule.',
  })
  @Access(changingPeriod(({ args }) => args.input.periodId))
  plan(@Args('input') input: PlanHousingSupportPeriodInput, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    const plan = { startsOn: input.startsOn, endsOn: input.endsOn, goals: input.goals, visitSchedule: input.visitSchedule ?? null };
    return this.commands.plan(parseId(input.periodId, 'periodId'), plan, housingActor(ctx));
  }

  @Mutation(() => HousingSupportPeriod, { name: 'startHousingSupportPeriod', description: 'Starts a planned period (käynnistä tukijakso).' })
  @Access(changingPeriod(({ args }) => args.periodId))
  start(@Args('periodId', { type: () => ID }) periodId: string, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    return this.commands.start(parseId(periodId, 'periodId'), housingActor(ctx));
  }

  @Mutation(() => HousingSupportPeriod, { name: 'endHousingSupportPeriod', description: 'The worker ends the period with an outcome (päätä tukijakso).' })
  @Access(changingPeriod(({ args }) => args.input.periodId))
  end(@Args('input') input: EndHousingSupportPeriodInput, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriodEntity> {
    return this.commands.endByWorker(parseId(input.periodId, 'periodId'), input.endedOn, input.outcome, housingActor(ctx));
  }

  @Mutation(() => HousingSupportPeriod, {
    name: 'recordHousingSupportOutcome',
    description: 'Records the outcome (tulos) of an ended period, e.g. one that ran to its end date; CONFLICT while the period runs.',
  })
  @Access(changingPeriod(({ args }) => args.input.periodId))
  recordOutcome(@Args('input') input: RecordHousingSupportOutcomeInput): Promise<HousingSupportPeriodEntity> {
    return this.commands.recordOutcome(parseId(input.periodId, 'periodId'), input.outcome);
  }

  /**
   * The decision as a reference (no query here): the gateway fetches its fields from case, where case's
   * access rules for a decision apply; one the caller may not read fails on its own path.
   */
  @ResolveField(() => ServiceDecisionReference, {
    nullable: true,
    description: 'The granted HOUSING_SUPPORT service decision (palvelupäätös) that opened the period; its fields come from case under case’s access rules.',
  })
  decision(@Parent() period: HousingSupportPeriodEntity): { __typename: 'ServiceDecision'; id: string } {
    return { __typename: 'ServiceDecision', id: period.decisionId };
  }

  /** The period itself was admitted where it was loaded: the role is checked here. */
  @ResolveField(() => VisitSchedule, { nullable: true, description: 'The agreed visit schedule (käyntisuunnitelma), once recorded' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['housingSupport'] })
  visitSchedule(@Parent() period: HousingSupportPeriodEntity): VisitSchedule | null {
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
