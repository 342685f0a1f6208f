import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { authorizeClientWork, authorizeHousingWork } from '../authorization';
import { SupportPeriodQueries } from '../support-periods/support-period.queries';
import { HousingSupportPeriodEntity, toSupportPeriod } from '../support-periods/support-period.entity';
import { HousingSupportPeriod } from '../support-periods/support-period.model';
import { RecordSupportVisitCommand } from './support-visit.command';
import { RecordSupportVisitInput, SupportVisit, SupportVisits } from './support-visit.model';
import { SupportVisitQueries } from './support-visit.queries';
import { visitPlanStatus } from './support-visit.rules';

@Resolver(() => SupportVisit)
export class SupportVisitResolver {
  constructor(
    private readonly recordVisit: RecordSupportVisitCommand,
    private readonly periods: SupportPeriodQueries,
  ) {}

  @Mutation(() => SupportVisit, { name: 'recordSupportVisit', description: 'Records a support visit that was done (tukikäynti).' })
  async record(@Args('input') input: RecordSupportVisitInput, @Ctx() ctx: GraphContext): Promise<SupportVisit> {
    authorizeHousingWork(ctx);
    const periodId = parseId(input.periodId, 'periodId');
    const actor = await authorizeClientWork(ctx, await this.periods.clientOf(periodId), 'CHANGE', 'housingSupport');
    const visit = await this.recordVisit.execute(periodId, { visitedOn: input.visitedOn, durationMinutes: input.durationMinutes ?? null, guidanceAreas: input.guidanceAreas }, actor);
    ctx.access.changed(visit.clientId, 'housingSupport');
    return visit;
  }
}

@Resolver(() => HousingSupportPeriod)
export class PeriodVisitsResolver {
  constructor(private readonly queries: SupportVisitQueries) {}

  @ResolveField(() => SupportVisits, { description: 'Tukikäynnit of this period: planned, done and missed.' })
  async visits(@Parent() period: HousingSupportPeriodEntity, @Ctx() ctx: GraphContext): Promise<SupportVisits> {
    authorizeHousingWork(ctx);
    const done = await ctx.loaders.get('supportVisitsByPeriod', (ids) => this.queries.visitsOf(ids)).load(period.id);
    const { planned, missed } = visitPlanStatus(toSupportPeriod(period), done.map((visit) => visit.visitedOn), todayInFinland());
    return { planned, done, missed };
  }
}
