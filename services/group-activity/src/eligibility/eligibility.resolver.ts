import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Ctx, GraphContext } from '@asw/subgraph';
import { ClientReference } from '../client-reference';
import { KnownClientEntity } from './known-client.entity';
import { RehabilitationEligibility } from './eligibility.model';
import { eligibilityOf } from './eligibility.rules';

@Injectable()
export class EligibilityQueries {
  constructor(private readonly dataSource: DataSource) {}

  async eligibilityOf(clientIds: readonly string[]): Promise<RehabilitationEligibility[]> {
    const known = await this.dataSource.getRepository(KnownClientEntity).findBy({ clientId: In([...clientIds]) });
    const since = new Map(known.map((row) => [row.clientId, row.registeredAt]));
    return clientIds.map((id) => eligibilityOf(since.get(id) ?? null));
  }
}

@Resolver(() => ClientReference)
export class ClientEligibilityResolver {
  constructor(private readonly queries: EligibilityQueries) {}

  @ResolveField(() => RehabilitationEligibility, { description: 'Sosiaalinen kuntoutus: may the client enroll in rehabilitation groups, and why.' })
  rehabilitationEligibility(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<RehabilitationEligibility> {
    return ctx.loaders.get('eligibilityByClient', (ids) => this.queries.eligibilityOf(ids)).load(client.id);
  }
}
