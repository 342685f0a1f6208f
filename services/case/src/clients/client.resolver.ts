import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { badInput, notFound } from '@asw/platform';
import { Ctx, GraphContext } from '@asw/subgraph';
import { Client, RegisterClientInput } from './client.model';
import { ClientQueries } from './client.queries';
import { RegisterClientCommand } from './register-client.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => Client)
export class ClientResolver {
  constructor(
    private readonly registerClient: RegisterClientCommand,
    private readonly queries: ClientQueries,
  ) {}

  @Mutation(() => Client, { name: 'registerClient', description: 'Registers a new client (asiakas).' })
  register(@Args('input') input: RegisterClientInput, @Ctx() ctx: GraphContext): Promise<Client> {
    return this.registerClient.execute(input, ctx.correlationId);
  }

  @Query(() => Client, { name: 'client', description: 'One client by id.' })
  async client(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<Client> {
    if (!UUID.test(id)) throw badInput('id must be a UUID', { field: 'id' });
    const client = await this.load(ctx, id);
    if (!client) throw notFound('No client with that id', { id });
    return client;
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphContext): Promise<Client | null> {
    return this.load(ctx, reference.id);
  }

  private load(ctx: GraphContext, id: string) {
    return ctx.loaders.get('clientById', (ids) => this.queries.byIds(ids)).load(id);
  }
}
