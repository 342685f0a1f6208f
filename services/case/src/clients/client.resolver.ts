import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { ageOn } from '@asw/personal-identity-code';
import { isUuid, notFound } from '@asw/platform';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Client, CLIENT_AGE_DESCRIPTION, ClientConnection, ClientDetailsInput, RegisterClientInput } from './client.model';
import { ClientQueries } from './client.queries';
import { parseClientSearch } from './client.rules';

import { RegisterClientCommand } from './register-client.command';

@Resolver(() => Client)
export class ClientResolver {
  constructor(
    private readonly registerClient: RegisterClientCommand,
    private readonly queries: ClientQueries,
  ) {}

  @Mutation(() => Client, { name: 'registerClient', description: 'Asiakkaaksi rekisteröinti: registers a new client; a person already registered is a CONFLICT naming that client.' })
  async register(@Args('input') input: RegisterClientInput, @Ctx() ctx: GraphContext): Promise<Client> {
    const access = authorizeClientAccess(ctx, 'work');
    const client = await this.registerClient.execute(input, ctx.correlationId);
    // The registrar sees whom they registered; reading the client later needs a relationship (a case).
    access.admitOn(client.id, 'registration');
    access.changed(client.id, 'case:client');
    return client;
  }

  @Mutation(() => Client, {
    name: 'updateClientDetails',
    description: 'Asiakkaan perustiedot: records names, home municipality and language, e.g. of a person first met through a Kela notice.',
  })
  async updateDetails(@Args('id', { type: () => ID }) id: string, @Args('input') input: ClientDetailsInput, @Ctx() ctx: GraphContext): Promise<Client> {
    const clientId = parseId(id, 'id');
    const access = authorizeClientAccess(ctx, 'work', clientId);
    await access.change(clientId, 'case:client');
    const client = await this.registerClient.updateDetails(clientId, input);
    access.changed(clientId, 'case:client');
    return client;
  }

  @Query(() => Client, { name: 'client', description: 'One client by id.' })
  async client(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<Client> {
    const clientId = parseId(id, 'id');
    await authorizeClientAccess(ctx, 'read', clientId).read(clientId, 'case:client');
    const client = await this.load(ctx, clientId);
    if (!client) throw notFound('No client with that id', { id: clientId });
    return client;
  }

  @Query(() => ClientConnection, {
    name: 'clients',
    description:
      'Asiakashaku: by exact personal identity code (henkilötunnus), or by name prefixes ("virt ai"); ordered by last name, first name; cursor-paged. Only clients the caller has a client relationship with are listed (a benefits handler also finds a client by exact identity code), so a page may hold fewer than `first`; continue from `endCursor` while `hasNextPage`.',
  })
  async clients(
    @Args('search', { type: () => String }) search: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<ClientConnection> {
    const access = authorizeClientAccess(ctx, 'read');
    const parsed = parseClientSearch(search);
    const page = await this.queries.search(parsed, first, after);
    const exact = parsed.kind === 'personalIdentityCode';
    return { edges: await access.filter(page.edges, (edge) => edge.node.id, 'case:client', { exact }), pageInfo: page.pageInfo };
  }

  @ResolveField(() => Int, { name: 'age', description: CLIENT_AGE_DESCRIPTION })
  age(@Parent() client: Client): number {
    return ageOn(client.dateOfBirth, todayInFinland());
  }

  /** Every other subgraph's `client { ... }` comes through here: checked per client like `client(id)`. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, ctx: GraphContext): Promise<Client | null> {
    const clientId = isUuid(reference.id) ? reference.id.toLowerCase() : null;
    await authorizeClientAccess(ctx, 'read', clientId).read(clientId, 'case:client');
    return this.load(ctx, clientId!);
  }

  private load(ctx: GraphContext, id: string) {
    return ctx.loaders.get('clientById', (ids) => this.queries.byIds(ids)).load(id);
  }
}
