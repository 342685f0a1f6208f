import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Ctx, GraphContext, groupByKey } from '@asw/subgraph';
import { ClientReference } from '../client-reference';
import { IncomeSupportApplicationEntity } from './income-support-application.entity';
import { IncomeSupportApplication } from './income-support-application.model';

@Injectable()
export class IncomeSupportQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Applications of many clients in one query, newest first. */
  async applicationsOf(clientIds: readonly string[]): Promise<IncomeSupportApplicationEntity[][]> {
    const rows = await this.dataSource
      .getRepository(IncomeSupportApplicationEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { receivedOn: 'DESC', createdAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }
}

@Resolver(() => ClientReference)
export class ClientIncomeSupportResolver {
  constructor(private readonly queries: IncomeSupportQueries) {}

  @ResolveField(() => [IncomeSupportApplication], { description: 'Toimeentulotukihakemukset: the client’s income support applications, newest first.' })
  incomeSupportApplications(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication[]> {
    return ctx.loaders.get('applicationsByClient', (ids) => this.queries.applicationsOf(ids)).load(client.id);
  }
}
