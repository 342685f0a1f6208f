import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { dueStatus, DueStatus, LocalDate, todayInFinland, WorkingDayCalendar } from '@asw/calendar';
import { notFound } from '@asw/platform';
import { clientField, Ctx, GraphContext, parseId, requireUser } from '@asw/subgraph';
import { Access, applicationSubject } from '../access-policy';
import { BenefitsAccess, HANDLE_ROLES, queueTeamOf, READ_ROLES, REGISTER_ROLES } from '../access';
import { ClientReference } from '../client-reference';
import { BENEFITS_SETTINGS, BenefitsSettings } from '../config/benefits.config';
import { ApplicationStatus, ProcessingQueue } from '../domain';
import { ApplicationQueries } from './application.queries';
import { ApplicationWorkflowCommands } from './application-workflow.commands';
import {
  ClaimedExpense,
  CompletionRequest,
  ConfirmDraftInput,
  IncomeSupportApplication,
  QueueView,
  RegisterIncomeSupportApplicationInput,
  RequestCompletionInput,
  ResolveCompletionInput,
} from './income-support-application.model';
import { RegisterApplicationCommand } from './register-application.command';

/** Where an open application stands against its §14 a due date today (Finnish time); null once decided. */
function dueToday(application: IncomeSupportApplication, calendar: WorkingDayCalendar): DueStatus | null {
  if (application.status === ApplicationStatus.DECIDED || application.decisionDueOn === null) return null;
  return dueStatus(application.decisionDueOn as LocalDate, todayInFinland(), calendar);
}

/** Logs the change (käyttöloki) and hands the application on. */
function changed<T extends { clientId: string }>(ctx: GraphContext, application: T): T {
  ctx.access.changed(application.clientId, 'incomeSupportApplications');
  return application;
}

@Resolver(() => ClientReference)
export class ClientIncomeSupportResolver {
  constructor(
    private readonly queries: ApplicationQueries,
    private readonly access: BenefitsAccess,
  ) {}

  @ResolveField(() => [IncomeSupportApplication], {
    nullable: true,
    description: 'Toimeentulotukihakemukset: the client’s income support applications, newest first (through the team’s queue: those in it).',
  })
  @Access({
    roles: READ_ROLES,
    action: 'READ',
    categories: ['incomeSupportApplications'],
    subject: clientField,
    bases: ['queueClient', 'relationship'],
    // Through the queue, only the applications in it; with a relationship, all of them.
    eachBases: ['queue', 'relationship'],
    each: (application: IncomeSupportApplication) => ({ clientId: application.clientId, handlingTeam: application.handlingTeam }),
  })
  incomeSupportApplications(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication[]> {
    return ctx.loaders.get('applicationsByClient', (ids) => this.queries.applicationsOf(ids)).load(client.id);
  }
}

@Resolver(() => IncomeSupportApplication)
export class IncomeSupportApplicationResolver {
  constructor(
    private readonly queries: ApplicationQueries,
    private readonly register: RegisterApplicationCommand,
    private readonly workflow: ApplicationWorkflowCommands,
    private readonly access: BenefitsAccess,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  @Query(() => IncomeSupportApplication, { nullable: true, description: 'One income support application by id (an unknown id is refused like one out of reach).' })
  @Access({ roles: READ_ROLES, action: 'READ', categories: ['incomeSupportApplications'], subject: ({ args, ctx }) => applicationSubject(ctx, args.id), bases: ['queue', 'relationship'] })
  async incomeSupportApplication(@Args('id', { type: () => ID }) id: string): Promise<IncomeSupportApplication | null> {
    return this.queries.byId(parseId(id, 'id'));
  }

  @Query(() => QueueView, { description: 'Käsittelyjono: open applications of a queue by due date, overdue first, with counts per queue.' })
  async incomeSupportQueue(
    @Args('queue', { type: () => ProcessingQueue }) queue: ProcessingQueue,
    @Args('assignedHandlerId', { type: () => String, nullable: true, description: 'Only those assigned to this handler' }) assignedHandlerId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<QueueView> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    // A handler's (or the team lead's) queue is their team's; others see their own clients' applications in it.
    const [open, counts] = await Promise.all([
      this.queries.openInQueue(queue, assignedHandlerId ?? null, queueTeamOf(user)),
      this.queries.queueCounts(todayInFinland(), user.team),
    ]);
    const applications = await this.access.filter(ctx, open);
    for (const application of applications) ctx.access.read(application.clientId, 'incomeSupportApplications');
    return { queue, applications, counts };
  }

  @Mutation(() => IncomeSupportApplication, { description: 'Kirjaa hakemuksen: an application that arrived on paper, by e-service or at the front desk.' })
  async registerIncomeSupportApplication(@Args('input') input: RegisterIncomeSupportApplicationInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication> {
    const user = requireUser(ctx.identity, ...REGISTER_ROLES);
    const clientId = parseId(input.clientId, 'clientId');
    await this.access.admitRegistration(ctx, clientId);
    return changed(ctx, await this.register.execute({ ...input, clientId, handlingTeam: this.access.handlingTeamFor(user) }, ctx.correlationId));
  }

  @Mutation(() => IncomeSupportApplication, { description: 'A draft (e.g. from rent arrears) becomes an application the day the client applies; the §14 a clock starts.' })
  async confirmIncomeSupportApplication(@Args('input') input: ConfirmDraftInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication> {
    requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.application(ctx, input.applicationId, 'CHANGE');
    return changed(ctx, await this.workflow.confirmDraft(input, ctx.correlationId));
  }

  @Mutation(() => IncomeSupportApplication, { description: 'Täydennyspyyntö (§14 a): the decision due date moves after the completion.' })
  async requestIncomeSupportCompletion(@Args('input') input: RequestCompletionInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.application(ctx, input.applicationId, 'CHANGE');
    return changed(ctx, await this.workflow.requestCompletion(input, user, ctx.correlationId));
  }

  @Mutation(() => IncomeSupportApplication, { description: 'The completion arrived or its deadline passed: the §14 a clock restarts.' })
  async resolveIncomeSupportCompletion(@Args('input') input: ResolveCompletionInput, @Ctx() ctx: GraphContext): Promise<IncomeSupportApplication> {
    requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.application(ctx, input.applicationId, 'CHANGE');
    return changed(ctx, await this.workflow.resolveCompletion(input, ctx.correlationId));
  }

  @Mutation(() => IncomeSupportApplication, { description: 'Assigns an application to a handler: oneself, or anyone by a supervisor.' })
  async assignIncomeSupportApplication(
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('handlerId', { type: () => String }) handlerId: string,
    @Ctx() ctx: GraphContext,
  ): Promise<IncomeSupportApplication> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.application(ctx, applicationId, 'CHANGE');
    return changed(ctx, await this.workflow.assign(applicationId, handlerId, user, ctx.correlationId));
  }

  @ResolveField(() => Boolean, { description: 'Myöhässä: open past its §14 a due date' })
  overdue(@Parent() application: IncomeSupportApplication): boolean {
    return dueToday(application, this.settings.calendar)?.overdue ?? false;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Working days left to the due date (0 on the day, negative once overdue); null once decided' })
  dueInWorkingDays(@Parent() application: IncomeSupportApplication): number | null {
    return dueToday(application, this.settings.calendar)?.dueInWorkingDays ?? null;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Decided by the due date; null while open' })
  decidedWithinDeadline(@Parent() application: IncomeSupportApplication): boolean | null {
    if (application.decidedOn === null) return null;
    return application.decisionDueOn !== null && application.decidedOn <= application.decisionDueOn;
  }

  /**
   * The client as a reference (no query here): the gateway fetches the client's fields from case, where
   * case's own access rules apply (a handler reads a client's basic details on the team's queue basis);
   * a field the caller may not read fails on its own path.
   */
  @ResolveField(() => ClientReference, { nullable: true, description: 'Asiakas: the applicant (the client whose application this is); its fields come from case under case’s access rules.' })
  client(@Parent() application: IncomeSupportApplication): { __typename: 'Client'; id: string } {
    return { __typename: 'Client', id: application.clientId };
  }

  @ResolveField(() => [ClaimedExpense])
  claimedExpenses(@Parent() application: IncomeSupportApplication, @Ctx() ctx: GraphContext): Promise<ClaimedExpense[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('claimedExpenses', (ids) => this.queries.claimedExpensesOf(ids)).load(application.id);
  }

  @ResolveField(() => [CompletionRequest])
  completionRequests(@Parent() application: IncomeSupportApplication, @Ctx() ctx: GraphContext): Promise<CompletionRequest[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('completionRequests', (ids) => this.queries.completionRequestsOf(ids)).load(application.id);
  }
}
