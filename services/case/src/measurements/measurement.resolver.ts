import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Client } from '../clients/client.model';
import { eurohisChange, scoreEurohis8 } from '../domain';
import { MeasurementCommands } from './measurement.command';
import { MeasurementQueries } from './measurement.queries';
import { MeasurementEntity } from './measurement.entity';
import { EurohisChangeType, EurohisMeasurement, EurohisMeasurementInput } from './measurement.model';

const withScore = (row: MeasurementEntity): EurohisMeasurement => {
  const { mean, sum, good } = scoreEurohis8(row.answers);
  return { ...row, score: { mean, sum, good } };
};

@Resolver(() => EurohisMeasurement)
export class MeasurementResolver {
  constructor(private readonly commands: MeasurementCommands) {}

  @Mutation(() => EurohisMeasurement, { name: 'recordEurohisMeasurement', description: 'EUROHIS-QOL 8 -mittaus at the start, a review or the end.' })
  async record(@Args('clientId', { type: () => ID }) clientId: string, @Args('input') input: EurohisMeasurementInput, @Ctx() ctx: GraphContext): Promise<EurohisMeasurement> {
    const id = parseId(clientId, 'clientId');
    const caseId = input.caseId ? parseId(input.caseId, 'caseId') : null;
    const access = authorizeClientAccess(ctx, 'casework', id);
    await access.change(id, 'case:measurements');
    const measurement = await this.commands.recordEurohis(id, { ...input, caseId }, access.user, ctx.correlationId);
    access.changed(id, 'case:measurements');
    return withScore(measurement);
  }
}

/** Client.eurohisMeasurements and Client.eurohisChange, for all clients of a request level in one query. */
@Resolver(() => Client)
export class ClientMeasurementsResolver {
  constructor(private readonly queries: MeasurementQueries) {}

  @ResolveField(() => [EurohisMeasurement], { name: 'eurohisMeasurements', nullable: true, description: 'EUROHIS-QOL 8 -mittaukset, oldest first' })
  async measurements(@Parent() client: Client, @Ctx() ctx: GraphContext): Promise<EurohisMeasurement[]> {
    await authorizeClientAccess(ctx, 'read', client.id).read(client.id, 'case:measurements');
    return (await this.load(ctx, client.id)).map(withScore);
  }

  @ResolveField(() => EurohisChangeType, { name: 'eurohisChange', nullable: true, description: 'Change from the first measurement to the latest; null with fewer than two' })
  async change(@Parent() client: Client, @Ctx() ctx: GraphContext): Promise<EurohisChangeType | null> {
    await authorizeClientAccess(ctx, 'read', client.id).read(client.id, 'case:measurements');
    const rows = await this.load(ctx, client.id);
    if (rows.length < 2) return null;
    const [first, latest] = [rows[0], rows[rows.length - 1]];
    return { ...eurohisChange(scoreEurohis8(first.answers), scoreEurohis8(latest.answers)), from: first.measuredOn, to: latest.measuredOn };
  }

  private load(ctx: GraphContext, clientId: string): Promise<MeasurementEntity[]> {
    return ctx.loaders.get('measurementsByClient', (ids) => this.queries.byClientIds(ids)).load(clientId);
  }
}
