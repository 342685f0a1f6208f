import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Client } from '../clients/client.model';
import { assertEnumValue, paginateTimeline, TimelineOrder } from '../domain';
import { TimelineConnection } from './timeline.model';
import { TimelineQueries } from './timeline.queries';

@Resolver(() => Client)
export class ClientTimelineResolver {
  constructor(private readonly queries: TimelineQueries) {}

  @ResolveField(() => TimelineConnection, { name: 'timeline', nullable: true, description: 'Asiakkaan aikajana across all the client’s cases, paginated (Relay cursors)' })
  async timeline(
    @Parent() client: Client,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('order', { type: () => TimelineOrder, defaultValue: TimelineOrder.NEWEST_FIRST }) order: TimelineOrder,
    @Ctx() ctx: GraphContext,
  ): Promise<TimelineConnection> {
    await authorizeClientAccess(ctx, 'read', client.id).read(client.id, 'case:timeline');
    const entries = await ctx.loaders.get('timelineByClient', (ids) => this.queries.byClientIds(ids)).load(client.id);
    return paginateTimeline(entries, { first, after, order: assertEnumValue('order', TimelineOrder, order) });
  }
}
