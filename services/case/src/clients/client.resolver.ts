import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { ageOn } from '@asw/personal-identity-code';
import { isUuid, notFound } from '@asw/platform';
import { DataSource } from 'typeorm';
import { Ctx, GraphContext, noRelationship, parseId, requireUser } from '@asw/subgraph';
import { duplicateRegistration } from './intake-reference';
import { authorizeClientAccess } from '../access/client-access';
import { Client, CLIENT_AGE_DESCRIPTION, ClientConnection, ClientDetailsInput, IntakeReference, RegisterClientInput } from './client.model';
import { ClientQueries } from './client.queries';
import { parseClientSearch } from './client.rules';

import { DuplicateClient, RegisterClientCommand } from './register-client.command';

@Resolver(() => Client)
export class ClientResolver {
  constructor(
    private readonly registerClient: RegisterClientCommand,
    private readonly queries: ClientQueries,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => Client, {
    name: 'registerClient',
    description:
      'Asiakkaaksi rekisteröinti: registers a new client. A person already registered is a CONFLICT (details.reason CLIENT_ALREADY_REGISTERED) naming the client to a caller who works with them, and giving anyone else an intake reference (details.intakeReference) for the intake team.',
  })
  async register(@Args('input') input: RegisterClientInput, @Ctx() ctx: GraphContext): Promise<Client> {
    const access = authorizeClientAccess(ctx, 'work');
    let client: Client;
    try {
      client = await this.registerClient.execute(input, ctx.correlationId);
    } catch (error) {
      if (error instanceof DuplicateClient) throw await duplicateRegistration(this.dataSource.manager, access, access.user, error.existingClientId);
      throw error;
    }
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

  @Query(() => IntakeReference, {
    name: 'intakeReference',
    nullable: true,
    description: 'The intake team resolves a reference a duplicate registration gave (the supervisor of the requesting worker’s team); an unknown reference is refused like another team’s.',
  })
  async intakeReference(@Args('reference', { type: () => String }) reference: string, @Ctx() ctx: GraphContext): Promise<IntakeReference> {
    const user = requireUser(ctx.identity, 'SUPERVISOR');
    const [row] = await this.dataSource.query(`SELECT client_id, requested_by, team, created_at FROM intake_reference WHERE reference = $1`, [String(reference).trim().toUpperCase()]);
    if (!row || row.team !== user.team) {
      ctx.access.refused(null, 'READ', 'intake reference of another team or unknown', 'case:client');
      throw noRelationship();
    }
    ctx.access.admit(row.client_id, `intake-team:${user.team}`);
    ctx.access.read(row.client_id, 'case:client');
    return { reference, clientId: row.client_id, requestedBy: row.requested_by, requestedAt: row.created_at };
  }

  @Query(() => Client, { name: 'client', nullable: true, description: 'One client by id (an unknown id is refused like one out of reach).' })
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
