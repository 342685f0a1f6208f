import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Ctx, GraphContext, groupByKey } from '@asw/subgraph';
import { ClientReference } from '../client-reference';
import { HousingSupportPeriodEntity } from './housing-support-period.entity';
import { HousingSupportPeriod } from './housing-support-period.model';

@Injectable()
export class HousingSupportQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Current and past periods of many clients in one query, newest first. */
  async periodsOf(clientIds: readonly string[]): Promise<HousingSupportPeriodEntity[][]> {
    const rows = await this.dataSource
      .getRepository(HousingSupportPeriodEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { openedAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }
}

@Resolver(() => ClientReference)
export class ClientHousingSupportResolver {
  constructor(private readonly queries: HousingSupportQueries) {}

  @ResolveField(() => [HousingSupportPeriod], { description: 'Asumissosiaalinen työ: the client’s housing support periods, newest first.' })
  housingSupport(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<HousingSupportPeriod[]> {
    return ctx.loaders.get('housingSupportByClient', (ids) => this.queries.periodsOf(ids)).load(client.id);
  }
}
