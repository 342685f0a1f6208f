import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { Ctx, GraphContext, LocalDateScalar, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Client } from '../clients/client.model';

import { ContactCommands } from './contact.command';
import { Contact, ContactStatisticsRow, RecordContactInput } from './contact.model';
import { ContactQueries } from './contact.queries';
import { validateStatisticsRange } from './contact.rules';

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly commands: ContactCommands,
    private readonly queries: ContactQueries,
  ) {}

  @Mutation(() => Contact, { name: 'recordContact', description: 'Kirjaa käynti tai yhteydenotto (office, home, phone, remote, group); publishes ContactRecorded.' })
  async record(@Args('input') input: RecordContactInput, @Ctx() ctx: GraphContext): Promise<Contact> {
    const clientId = parseId(input.clientId, 'clientId');
    const access = authorizeClientAccess(ctx, 'work', clientId);
    await access.change(clientId, 'case:contacts');
    const contact = await this.commands.record(clientId, { ...input, workerId: input.workerId ? parseId(input.workerId, 'workerId') : null }, access.user, ctx.correlationId);
    access.changed(clientId, 'case:contacts');
    return contact;
  }

  @Query(() => [ContactStatisticsRow], {
    name: 'contactStatistics',
    description: 'Käyntitilasto: monthly contacts by worker role and type, from..to inclusive, of one team or all; contacts reported by other services count too.',
  })
  async contactStatistics(
    @Args('from', { type: () => LocalDateScalar }) from: LocalDate,
    @Args('to', { type: () => LocalDateScalar }) to: LocalDate,
    @Args('team', { type: () => String, nullable: true }) team: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<ContactStatisticsRow[]> {
    // Counts only: no client's data leaves, so nothing goes on the access log.
    authorizeClientAccess(ctx, 'read');
    const range = validateStatisticsRange(from, to);
    const rows = await this.queries.statistics(range.from, range.to, team?.trim() || null);
    return rows.map(({ month, workerRole, counts, total }) => ({
      month,
      workerRole,
      officeVisits: counts.OFFICE_VISIT,
      homeVisits: counts.HOME_VISIT,
      phoneCalls: counts.PHONE,
      remoteMeetings: counts.REMOTE,
      groupSessions: counts.GROUP_SESSION,
      total,
    }));
  }
}

/** Client.contacts: for every client of a request level in one query. */
@Resolver(() => Client)
export class ClientContactsResolver {
  constructor(private readonly queries: ContactQueries) {}

  @ResolveField(() => [Contact], { name: 'contacts', nullable: true, description: 'Käynnit ja yhteydenotot, newest first, including those other services reported' })
  async contacts(@Parent() client: Client, @Ctx() ctx: GraphContext): Promise<Contact[]> {
    await authorizeClientAccess(ctx, 'read', client.id).read(client.id, 'case:contacts');
    return ctx.loaders.get('contactsByClient', (ids) => this.queries.byClientIds(ids)).load(client.id);
  }
}
