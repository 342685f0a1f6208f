import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, housingActor, HOUSING_SUPPORT_ROLES, periodSubject } from '../access-policy';
import { HousingSupportPeriodEntity, toSupportPeriod } from '../support-periods/support-period.entity';
import { HousingSupportPeriod } from '../support-periods/support-period.model';
import { RecordSupportVisitCommand } from './support-visit.command';
import { RecordSupportVisitInput, SupportVisit, SupportVisits } from './support-visit.model';
import { SupportVisitQueries } from './support-visit.queries';
import { visitPlanStatus } from './support-visit.rules';

@Resolver(() => SupportVisit)
export class SupportVisitResolver {
  constructor(private readonly recordVisit: RecordSupportVisitCommand) {}

  @Mutation(() => SupportVisit, { name: 'recordSupportVisit', description: 'Records a support visit that was done (tukikäynti).' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['housingSupport'], subject: ({ args, ctx }) => periodSubject(ctx, args.input.periodId, 'periodId') })
  record(@Args('input') input: RecordSupportVisitInput, @Ctx() ctx: GraphContext): Promise<SupportVisit> {
    const visit = { visitedOn: input.visitedOn, durationMinutes: input.durationMinutes ?? null, guidanceAreas: input.guidanceAreas };
    return this.recordVisit.execute(parseId(input.periodId, 'periodId'), visit, housingActor(ctx));
  }
}

@Resolver(() => HousingSupportPeriod)
export class PeriodVisitsResolver {
  constructor(private readonly queries: SupportVisitQueries) {}

  /** The period itself was admitted where it was loaded: the role is checked here. */
  @ResolveField(() => SupportVisits, { description: 'Tukikäynnit of this period: planned, done and missed.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['housingSupport'] })
  async visits(@Parent() period: HousingSupportPeriodEntity, @Ctx() ctx: GraphContext): Promise<SupportVisits> {
    const done = await ctx.loaders.get('supportVisitsByPeriod', (ids) => this.queries.visitsOf(ids)).load(period.id);
    const { planned, missed } = visitPlanStatus(toSupportPeriod(period), done.map((visit) => visit.visitedOn), todayInFinland());
    return { planned, done, missed };
  }
}
