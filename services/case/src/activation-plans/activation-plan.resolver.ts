import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { PartnerIdentity, UserIdentity } from '@asw/auth';
import { badInput, notFound } from '@asw/platform';
import { Ctx, GraphContext, parseId, requirePartner, requireUser, noRelationship } from '@asw/subgraph';
import type { AccessAction } from '@asw/subgraph';
import { CASEWORKERS, CLIENT_READERS } from '../access/client-access';
import { Client } from '../clients/client.model';
import { ActivationPlanCommands } from './activation-plan.command';
import { ActivationPlanEntity } from './activation-plan.entity';
import { ActivationPlan, ActivationPlanInput } from './activation-plan.model';
import { ActivationPlanQueries } from './activation-plan.queries';
import { activationPlanStatus, parseSharedWith, PLAN_PARTNER, sharedWithPartner } from './activation-plan.rules';

/** The access log's data category for activation plans. */
const CATEGORY = 'case:activation-plan';
/** The basis a partner's access to a client's plan rests on: the county shared the plan with them. */
const SHARED_BASIS = `activation-plan-shared-with:${PLAN_PARTNER}`;

const toPlan = (row: ActivationPlanEntity): ActivationPlan => ({
  id: row.id,
  clientId: row.clientId,
  status: activationPlanStatus(row),
  goals: row.goals,
  measures: row.measures,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  reviewDate: row.reviewDate,
  triggerBasis: row.triggerBasis,
  triggerRuleSetVersion: row.triggerRuleSetVersion,
  draftedAt: row.draftedAt,
  sharedWithEmploymentServicesAt: row.sharedAt,
  sharedWith: row.sharedWith,
  countySignedAt: row.countySignedAt,
  employmentServicesSignedAt: row.employmentServicesSignedAt,
});

/** A role check whose refusal goes on record, before anything is loaded. */
function admitted<T>(ctx: GraphContext, clientId: string | null, action: AccessAction, check: () => T): T {
  try {
    return check();
  } catch (error) {
    ctx.access.refused(clientId, action, error instanceof Error ? error.message : 'refused', CATEGORY);
    throw error;
  }
}

/**
 * The county's side (PRODUCT.md "Who may do what"): caseworkers with a client relationship draft a
 * plan, share it with employment services and sign it for the county.
 */
@Resolver(() => ActivationPlan)
export class CountyActivationPlanResolver {
  constructor(
    private readonly commands: ActivationPlanCommands,
    private readonly queries: ActivationPlanQueries,
  ) {}

  @Mutation(() => ActivationPlan, { description: 'Aktivointisuunnitelma (189/2001): a draft for the client, to be shared with and co-signed by employment services.' })
  async draftActivationPlan(@Args('clientId', { type: () => ID }) clientIdInput: string, @Args('input') input: ActivationPlanInput, @Ctx() ctx: GraphContext): Promise<ActivationPlan> {
    const clientId = parseId(clientIdInput, 'clientId');
    const worker = await this.caseworker(ctx, clientId);
    const plan = await this.commands.draft(clientId, input, worker.userId);
    ctx.access.changed(clientId, CATEGORY);
    return toPlan(plan);
  }

  @Mutation(() => ActivationPlan, { description: 'Shares the plan with one employment-services office or municipality (työvoimaviranomainen), which may then read and co-sign it.' })
  async shareActivationPlan(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('sharedWith', { type: () => String, description: 'The office or municipality as its partner token names it (the `org` claim), e.g. "Jyväskylän työllisyyspalvelut"' }) sharedWithInput: string,
    @Ctx() ctx: GraphContext,
  ): Promise<ActivationPlan> {
    const sharedWith = parseSharedWith(sharedWithInput);
    const { plan, worker } = await this.planForCasework(ctx, planId);
    const shared = await this.commands.share(plan.id, sharedWith, worker.userId);
    ctx.access.changed(plan.clientId, CATEGORY);
    return toPlan(shared);
  }

  @Mutation(() => ActivationPlan, { description: 'The county’s signature; the plan is in force once employment services have signed too. Publishes ActivationPlanSigned.' })
  async signActivationPlan(@Args('planId', { type: () => ID }) planId: string, @Ctx() ctx: GraphContext): Promise<ActivationPlan> {
    const { plan, worker } = await this.planForCasework(ctx, planId);
    const signed = await this.commands.sign(plan.id, 'COUNTY', worker.userId, ctx.correlationId);
    ctx.access.changed(plan.clientId, CATEGORY);
    return toPlan(signed);
  }

  /** Role, then the plan's client, then the relationship with that client: nothing is changed before all three hold. */
  private async planForCasework(ctx: GraphContext, planIdInput: string): Promise<{ plan: ActivationPlanEntity; worker: UserIdentity }> {
    const worker = admitted(ctx, null, 'CHANGE', () => requireUser(ctx.identity, ...CASEWORKERS));
    const plan = await this.queries.byId(parseId(planIdInput, 'planId'));
    if (!plan) {
      // An unknown plan is answered exactly as one out of reach (issue #13: existence is not revealed).
      ctx.access.refused(null, 'CHANGE', 'no client relationship', CATEGORY);
      throw noRelationship();
    }
    await ctx.relationships.require(plan.clientId, 'CHANGE', CATEGORY);
    return { plan, worker };
  }

  private async caseworker(ctx: GraphContext, clientId: string): Promise<UserIdentity> {
    const worker = admitted(ctx, clientId, 'CHANGE', () => requireUser(ctx.identity, ...CASEWORKERS));
    await ctx.relationships.require(clientId, 'CHANGE', CATEGORY);
    return worker;
  }
}

/** Client.activationPlans: for workers with a client relationship. */
@Resolver(() => Client)
export class ClientActivationPlansResolver {
  constructor(private readonly queries: ActivationPlanQueries) {}

  @ResolveField(() => [ActivationPlan], { nullable: true, description: 'Aktivointisuunnitelmat, newest first' })
  async activationPlans(@Parent() client: Client, @Ctx() ctx: GraphContext): Promise<ActivationPlan[]> {
    admitted(ctx, client.id, 'READ', () => requireUser(ctx.identity, ...CLIENT_READERS));
    await ctx.relationships.require(client.id, 'READ', CATEGORY);
    const plans = await ctx.loaders.get('activationPlansOfClient', (ids) => this.queries.byClientIds(ids)).load(client.id);
    ctx.access.read(client.id, CATEGORY);
    return plans.map(toPlan);
  }
}

const MAX_LIST = 100;

/**
 * Employment services' partner operations (PRODUCT.md: "may only read and co-sign activation plans of
 * shared clients"). A plan not shared with them and a plan that does not exist answer the same
 * NOT_FOUND. Every answer is a disclosure (luovutusloki); every refusal is on record. The gateway admits
 * them only to gateway/partner-operations/EMPLOYMENT_SERVICES.
 */
@Resolver(() => ActivationPlan)
export class EmploymentServicesActivationPlanResolver {
  constructor(
    private readonly commands: ActivationPlanCommands,
    private readonly queries: ActivationPlanQueries,
  ) {}

  @Query(() => [ActivationPlan], { description: 'Employment services (partner): activation plans shared with them, most recently shared first.' })
  async sharedActivationPlans(@Args('first', { type: () => Int, description: `How many, 1–${MAX_LIST}` }) first: number, @Ctx() ctx: GraphContext): Promise<ActivationPlan[]> {
    const partner = admitted(ctx, null, 'READ', () => requirePartner(ctx.identity, PLAN_PARTNER));
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw badInput(`first must be from 1 to ${MAX_LIST}`, { field: 'first' });
    const plans = await this.queries.sharedWith(partner.organisation.normalize('NFC').trim(), first);
    for (const plan of plans) this.disclosed(ctx, plan);
    return plans.map(toPlan);
  }

  @Query(() => ActivationPlan, { description: 'Employment services (partner): one activation plan shared with them.' })
  async sharedActivationPlan(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<ActivationPlan> {
    const { plan } = await this.sharedPlan(ctx, id, 'id', 'READ');
    this.disclosed(ctx, plan);
    return toPlan(plan);
  }

  @Mutation(() => ActivationPlan, { description: 'Employment services (partner): co-signs a plan shared with them; in force once the county has signed too. Publishes ActivationPlanSigned.' })
  async coSignActivationPlan(@Args('planId', { type: () => ID }) planId: string, @Ctx() ctx: GraphContext): Promise<ActivationPlan> {
    const { plan, partner } = await this.sharedPlan(ctx, planId, 'planId', 'CHANGE');
    const signed = await this.commands.sign(plan.id, 'EMPLOYMENT_SERVICES', partner.organisation, ctx.correlationId);
    ctx.access.changed(plan.clientId, CATEGORY);
    this.disclosed(ctx, signed);
    return toPlan(signed);
  }

  /** The plan if it is shared with this partner's office; otherwise NOT_FOUND, the same whether it exists, is unshared or is another office's. */
  private async sharedPlan(ctx: GraphContext, idInput: string, field: string, action: AccessAction): Promise<{ plan: ActivationPlanEntity; partner: PartnerIdentity }> {
    const partner = admitted(ctx, null, action, () => requirePartner(ctx.identity, PLAN_PARTNER));
    const plan = await this.queries.byId(parseId(idInput, field));
    if (!plan || !sharedWithPartner(plan, partner.organisation)) {
      ctx.access.refused(plan?.clientId ?? null, action, 'activation plan not shared with employment services', CATEGORY);
      throw notFound('No activation plan shared with employment services has that id', { field });
    }
    ctx.access.admit(plan.clientId, SHARED_BASIS);
    return { plan, partner };
  }

  /** An answer to the partner: a disclosure-log entry for the plan's client. */
  private disclosed(ctx: GraphContext, plan: ActivationPlanEntity): void {
    ctx.access.admit(plan.clientId, SHARED_BASIS);
    ctx.access.read(plan.clientId, CATEGORY);
  }
}
