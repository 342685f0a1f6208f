import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access } from '../access-policy';
import { authorizeClientWork, authorizeHousingWork, HOUSING_SUPPORT_ROLES } from '../authorization';
import { ClientReference } from '../client-reference';
import { HousingArrangementCommands } from './housing-arrangement.command';
import {
  ClosePaymentIntermediaryAccountInput,
  EndSubleaseInput,
  OpenPaymentIntermediaryAccountInput,
  PaymentIntermediaryAccount,
  StartSubleaseInput,
  Sublease,
} from './housing-arrangement.model';
import { HousingArrangementQueries } from './housing-arrangement.queries';

@Resolver(() => PaymentIntermediaryAccount)
export class HousingArrangementResolver {
  constructor(
    private readonly commands: HousingArrangementCommands,
    private readonly queries: HousingArrangementQueries,
  ) {}

  @Mutation(() => PaymentIntermediaryAccount, { name: 'openPaymentIntermediaryAccount', description: 'Opens a välitystili; one open account per client.' })
  async openAccount(@Args('input') input: OpenPaymentIntermediaryAccountInput, @Ctx() ctx: GraphContext): Promise<PaymentIntermediaryAccount> {
    authorizeHousingWork(ctx);
    const clientId = parseId(input.clientId, 'clientId');
    const actor = await authorizeClientWork(ctx, clientId, 'CHANGE', 'paymentIntermediaryAccounts');
    const account = await this.commands.openAccount(clientId, input.openedOn, actor);
    ctx.access.changed(account.clientId, 'paymentIntermediaryAccounts');
    return account;
  }

  @Mutation(() => PaymentIntermediaryAccount, {
    name: 'closePaymentIntermediaryAccount',
    description: 'Closes a välitystili; refused (CONFLICT, reason SUBLEASE_RUNNING) while a sublease runs.',
  })
  async closeAccount(@Args('input') input: ClosePaymentIntermediaryAccountInput, @Ctx() ctx: GraphContext): Promise<PaymentIntermediaryAccount> {
    authorizeHousingWork(ctx);
    const accountId = parseId(input.accountId, 'accountId');
    const actor = await authorizeClientWork(ctx, await this.queries.accountClientOf(accountId), 'CHANGE', 'paymentIntermediaryAccounts');
    const account = await this.commands.closeAccount(accountId, input.closedOn, actor);
    ctx.access.changed(account.clientId, 'paymentIntermediaryAccounts');
    return account;
  }

  @Mutation(() => Sublease, {
    name: 'startSublease',
    description: 'Starts a välivuokraus; refused (CONFLICT, reason NO_ACTIVE_INTERMEDIARY_ACCOUNT) without an active välitystili.',
  })
  async startSublease(@Args('input') input: StartSubleaseInput, @Ctx() ctx: GraphContext): Promise<Sublease> {
    authorizeHousingWork(ctx);
    const clientId = parseId(input.clientId, 'clientId');
    const actor = await authorizeClientWork(ctx, clientId, 'CHANGE', 'subleases');
    const sublease = await this.commands.startSublease(clientId, input.startsOn, { address: input.address, monthlyRentCents: input.monthlyRentCents }, actor);
    ctx.access.changed(sublease.clientId, 'subleases');
    return sublease;
  }

  @Mutation(() => Sublease, { name: 'endSublease', description: 'Ends a välivuokraus.' })
  async endSublease(@Args('input') input: EndSubleaseInput, @Ctx() ctx: GraphContext): Promise<Sublease> {
    authorizeHousingWork(ctx);
    const subleaseId = parseId(input.subleaseId, 'subleaseId');
    const actor = await authorizeClientWork(ctx, await this.queries.subleaseClientOf(subleaseId), 'CHANGE', 'subleases');
    const sublease = await this.commands.endSublease(subleaseId, input.endedOn, actor);
    ctx.access.changed(sublease.clientId, 'subleases');
    return sublease;
  }
}

@Resolver(() => ClientReference)
export class ClientHousingArrangementResolver {
  constructor(private readonly queries: HousingArrangementQueries) {}

  @ResolveField(() => [PaymentIntermediaryAccount], { nullable: true, description: 'Välitystilit: the client’s payment-intermediary accounts, newest first.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['paymentIntermediaryAccounts'], subject: clientField })
  paymentIntermediaryAccounts(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<PaymentIntermediaryAccount[]> {
    return ctx.loaders.get('accountsByClient', (ids) => this.queries.accountsOf(ids)).load(client.id);
  }

  @ResolveField(() => [Sublease], { nullable: true, description: 'Välivuokrasuhteet: the client’s subleases, newest first.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'READ', categories: ['subleases'], subject: clientField })
  subleases(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<Sublease[]> {
    return ctx.loaders.get('subleasesByClient', (ids) => this.queries.subleasesOf(ids)).load(client.id);
  }
}
