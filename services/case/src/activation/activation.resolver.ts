import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDate, todayInFinland } from '@asw/calendar';
import { notFound } from '@asw/platform';
import { Ctx, GraphContext, LocalDateScalar, parseId } from '@asw/subgraph';
import { authorizeClientAccess } from '../access/client-access';
import { Client } from '../clients/client.model';
import { ClientQueries } from '../clients/client.queries';
import { activationPlanTrigger, wholeMonthsBetween } from '../domain';
import { ActivationCommands } from './activation.command';
import { ActivationFactsInput, ActivationPlanTriggerType } from './activation.model';
import { ActivationQueries } from './activation.queries';
import { activationFactsOn, kelaAttestations } from './activation.rules';

@Resolver(() => Client)
export class ActivationResolver {
  constructor(
    private readonly commands: ActivationCommands,
    private readonly queries: ActivationQueries,
    private readonly clients: ClientQueries,
  ) {}

  @Mutation(() => ActivationPlanTriggerType, { name: 'recordActivationFacts', description: 'Records the employment facts the activation triggers need; answers the trigger as of today.' })
  async record(@Args('clientId', { type: () => ID }) clientId: string, @Args('input') input: ActivationFactsInput, @Ctx() ctx: GraphContext): Promise<ActivationPlanTriggerType> {
    const id = parseId(clientId, 'clientId');
    const access = authorizeClientAccess(ctx, 'casework', id);
    await access.change(id, 'case:activation');
    await this.commands.recordFacts(id, input, access.user, ctx.correlationId);
    access.changed(id, 'case:activation');
    const client = await ctx.loaders.get('clientById', (ids) => this.clients.byIds(ids)).load(id);
    if (!client) throw notFound('No client with that id', { clientId: id });
    return this.evaluate(client, todayInFinland(), ctx);
  }

  @ResolveField(() => ActivationPlanTriggerType, {
    name: 'activationPlanTrigger',
    nullable: true,
    description: 'Must an activation plan be drawn up (laki kuntouttavasta työtoiminnasta 189/2001) on a day (today by default), by the trigger set in force then',
  })
  async trigger(@Parent() client: Client, @Args('on', { type: () => LocalDateScalar, nullable: true }) on: LocalDate | null, @Ctx() ctx: GraphContext): Promise<ActivationPlanTriggerType> {
    await authorizeClientAccess(ctx, 'read', client.id).read(client.id, 'case:activation');
    return this.evaluate(client, on ?? todayInFinland(), ctx);
  }

  private async evaluate(client: Client, on: LocalDate, ctx: GraphContext): Promise<ActivationPlanTriggerType> {
    const [recorded, notices] = await Promise.all([
      ctx.loaders.get('activationFacts', (ids) => this.queries.factsByClientIds(ids)).load(client.id),
      ctx.loaders.get('kelaNoticesOfClient', (ids) => this.queries.kelaNoticesByClientIds(ids)).load(client.id),
    ]);
    // Kela notices received by that day attest income support because of unemployment as main income.
    const facts = activationFactsOn(client.dateOfBirth, on, recorded, kelaAttestations(notices));
    const result = activationPlanTrigger(facts, on);
    const since = facts.unemploymentIncomeSupportAsMainIncomeSince;
    return {
      ...result,
      ageOn: facts.ageOn,
      monthsIncomeSupportAsMainIncome: since ? wholeMonthsBetween(since, on) : 0,
      unemploymentIncomeSupportAsMainIncomeSince: since,
      jobSearchDiscussionHeld: facts.jobSearchDiscussionHeld,
      factsRecordedOn: recorded?.recordedOn ?? null,
    };
  }
}
