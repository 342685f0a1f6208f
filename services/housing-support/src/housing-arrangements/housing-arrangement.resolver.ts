import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, accountSubject, housingActor, HOUSING_SUPPORT_ROLES, inputClient, subleaseSubject } from '../access-policy';
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
  constructor(private readonly commands: HousingArrangementCommands) {}

  @Mutation(() => PaymentIntermediaryAccount, { name: 'openPaymentIntermediaryAccount', description: 'Opens a välitystili; one open account per client.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['paymentIntermediaryAccounts'], subject: inputClient })
  openAccount(@Args('input') input: OpenPaymentIntermediaryAccountInput, @Ctx() ctx: GraphContext): Promise<PaymentIntermediaryAccount> {
    return this.commands.openAccount(parseId(input.clientId, 'clientId'), input.openedOn, housingActor(ctx));
  }

  @Mutation(() => PaymentIntermediaryAccount, {
    name: 'closePaymentIntermediaryAccount',
    description: 'Closes a välitystili; refused (CONFLICT, reason SUBLEASE_RUNNING) while a sublease runs.',
  })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['paymentIntermediaryAccounts'], subject: ({ args, ctx }) => accountSubject(ctx, args.input.accountId) })
  closeAccount(@Args('input') input: ClosePaymentIntermediaryAccountInput, @Ctx() ctx: GraphContext): Promise<PaymentIntermediaryAccount> {
    return this.commands.closeAccount(parseId(input.accountId, 'accountId'), input.closedOn, housingActor(ctx));
  }

  @Mutation(() => Sublease, {
    name: 'startSublease',
    description: 'Starts a välivuokraus; refused (CONFLICT, reason NO_ACTIVE_INTERMEDIARY_ACCOUNT) without an active välitystili.',
  })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['subleases'], subject: inputClient })
  startSublease(@Args('input') input: StartSubleaseInput, @Ctx() ctx: GraphContext): Promise<Sublease> {
    const terms = { address: input.address, monthlyRentCents: input.monthlyRentCents };
    return this.commands.startSublease(parseId(input.clientId, 'clientId'), input.startsOn, terms, housingActor(ctx));
  }

  @Mutation(() => Sublease, { name: 'endSublease', description: 'Ends a välivuokraus.' })
  @Access({ roles: HOUSING_SUPPORT_ROLES, action: 'CHANGE', categories: ['subleases'], subject: ({ args, ctx }) => subleaseSubject(ctx, args.input.subleaseId) })
  endSublease(@Args('input') input: EndSubleaseInput, @Ctx() ctx: GraphContext): Promise<Sublease> {
    return this.commands.endSublease(parseId(input.subleaseId, 'subleaseId'), input.endedOn, housingActor(ctx));
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
