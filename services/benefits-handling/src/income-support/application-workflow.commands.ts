import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { completionDeadlineOn, parseLocalDate, todayInFinland } from '@asw/calendar';
import { hasRole, UserIdentity } from '@asw/auth';
import { EventPublisher, IncomeSupportApplicationUpdated } from '@asw/events';
import { badInput, conflict, forbidden, notFound } from '@asw/platform';
import { ApplicationState, ApplicationStatus, CompletionResolution, confirmDraft, requestCompletion, resumeAfterCompletion, routeToQueue } from '../domain';
import { parseId } from '@asw/subgraph';
import { BENEFITS_SETTINGS, BenefitsSettings } from '../config/benefits.config';
import { applicationDeadlines, parseMissing, pastDay } from './application-intake.rules';
import { CompletionRequestEntity, IncomeSupportApplicationEntity } from './income-support-application.entity';
import type { ConfirmDraftInput, RequestCompletionInput, ResolveCompletionInput } from './income-support-application.model';

type Change = 'DRAFT_CONFIRMED' | 'COMPLETION_REQUESTED' | 'COMPLETION_RESOLVED' | 'ASSIGNED';

/** The application locked for this transaction, or NOT_FOUND. */
export async function lockApplication(manager: EntityManager, id: string): Promise<IncomeSupportApplicationEntity> {
  const application = await manager.findOne(IncomeSupportApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!application) throw notFound('No income support application with that id', { field: 'applicationId' });
  return application;
}

/** The domain's view of a stored application, with its open completion request if any. */
export function applicationState(application: IncomeSupportApplicationEntity, openRequest: CompletionRequestEntity | null): ApplicationState {
  return {
    status: application.status,
    receivedOn: application.receivedOn,
    urgent: application.urgent,
    clockStartsOn: application.clockStartsOn,
    completionRequestedOn: openRequest?.requestedOn ?? null,
    completionDeadlineOn: openRequest?.deadlineOn ?? null,
    decidedOn: application.decidedOn,
  };
}

/** Handling steps before the decision: completion requests (§14 a) and assignment to a handler. */
@Injectable()
export class ApplicationWorkflowCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  /** The client applied on the basis of a draft (e.g. from rent arrears): it arrives, is routed, and the §14 a clock starts. */
  async confirmDraft(input: ConfirmDraftInput, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const applicationId = parseId(input.applicationId, 'applicationId');
    const receivedOn = pastDay(input.receivedOn, 'receivedOn', todayInFinland());
    const urgent = input.urgent === true;
    const student = input.student === true;
    return this.dataSource.transaction(async (manager) => {
      const application = await lockApplication(manager, applicationId);
      const next = confirmDraft(applicationState(application, null), { receivedOn, urgent });
      const deadlines = applicationDeadlines(next, this.settings.calendar);
      Object.assign(application, {
        status: next.status,
        receivedOn: next.receivedOn,
        clockStartsOn: next.clockStartsOn,
        urgent,
        student,
        queue: routeToQueue({ urgent, student }),
        decisionDueOn: deadlines.decisionDueOn,
        completionRequestDueOn: deadlines.completionRequestDueOn,
      });
      return this.saveAndAnnounce(manager, application, 'DRAFT_CONFIRMED', correlationId);
    });
  }

  /**
   * Täydennyspyyntö. The applicant's deadline is moved off a weekend or holiday (Act 150/1930 5 §), and
   * until the completion arrives the decision is due the 7th working day after that deadline.
   */
  async requestCompletion(input: RequestCompletionInput, user: UserIdentity, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const applicationId = parseId(input.applicationId, 'applicationId');
    const missing = parseMissing(input.missing);
    const today = todayInFinland();
    const requestedOn = pastDay(input.requestedOn, 'requestedOn', today);
    const deadlineOn = completionDeadlineOn(parseLocalDate(input.deadlineOn, 'deadlineOn'));
    return this.dataSource.transaction(async (manager) => {
      const application = await lockApplication(manager, applicationId);
      const next = requestCompletion(applicationState(application, null), { requestedOn, deadlineOn });
      await manager.insert(CompletionRequestEntity, {
        id: randomUUID(),
        applicationId,
        requestedOn,
        deadlineOn,
        missing,
        requestedBy: user.userId,
        sentWithinDeadline: application.completionRequestDueOn === null || requestedOn <= application.completionRequestDueOn,
        resolution: null,
        resolvedOn: null,
      });
      application.status = next.status;
      application.decisionDueOn = applicationDeadlines({ ...next, clockStartsOn: deadlineOn }, this.settings.calendar).decisionDueOn;
      return this.saveAndAnnounce(manager, application, 'COMPLETION_REQUESTED', correlationId);
    });
  }

  /** The completion arrived, or its deadline passed: back in handling, the §14 a clock restarts. */
  async resolveCompletion(input: ResolveCompletionInput, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const applicationId = parseId(input.applicationId, 'applicationId');
    if (!Object.values(CompletionResolution).includes(input.resolution)) throw badInput('unknown completion resolution', { field: 'resolution' });
    const on = pastDay(input.on, 'on', todayInFinland());
    return this.dataSource.transaction(async (manager) => {
      const application = await lockApplication(manager, applicationId);
      const open = await manager.findOneBy(CompletionRequestEntity, { applicationId, resolution: IsNull() });
      if (application.status !== ApplicationStatus.COMPLETION_REQUESTED || !open) {
        throw conflict('the application is not waiting for a completion', { status: application.status });
      }
      const next = resumeAfterCompletion(applicationState(application, open), { resolution: input.resolution, on });
      await manager.update(CompletionRequestEntity, { id: open.id }, { resolution: input.resolution, resolvedOn: on });
      application.status = next.status;
      application.clockStartsOn = next.clockStartsOn;
      application.decisionDueOn = applicationDeadlines(next, this.settings.calendar).decisionDueOn;
      return this.saveAndAnnounce(manager, application, 'COMPLETION_RESOLVED', correlationId);
    });
  }

  /** A handler takes an application; a supervisor (johtava sosiaalityöntekijä) assigns and reassigns anyone. */
  async assign(applicationIdInput: string, handlerIdInput: string, user: UserIdentity, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const applicationId = parseId(applicationIdInput, 'applicationId');
    const handlerId = typeof handlerIdInput === 'string' ? handlerIdInput.trim() : '';
    if (handlerId.length === 0 || handlerId.length > 200) throw badInput('handlerId must be 1–200 characters', { field: 'handlerId' });
    if (!hasRole(user, 'SUPERVISOR') && handlerId !== user.userId) throw forbidden('Only a supervisor assigns applications to someone else');
    return this.dataSource.transaction(async (manager) => {
      const application = await lockApplication(manager, applicationId);
      if (application.status === ApplicationStatus.DECIDED) throw conflict('a decided application is not assigned', { status: application.status });
      if (application.assignedHandlerId !== null && application.assignedHandlerId !== user.userId && !hasRole(user, 'SUPERVISOR')) {
        throw forbidden('Only a supervisor reassigns an application someone else has taken');
      }
      application.assignedHandlerId = handlerId;
      return this.saveAndAnnounce(manager, application, 'ASSIGNED', correlationId);
    });
  }

  private async saveAndAnnounce(manager: EntityManager, application: IncomeSupportApplicationEntity, change: Change, correlationId: string) {
    const saved = await manager.save(application);
    await this.events.publish(
      manager,
      IncomeSupportApplicationUpdated,
      {
        applicationId: saved.id,
        clientId: saved.clientId,
        change,
        status: saved.status,
        queue: saved.queue,
        decisionDueOn: saved.decisionDueOn,
        assignedHandlerId: saved.assignedHandlerId,
        changedAt: new Date().toISOString(),
      },
      { subject: saved.clientId, correlationId },
    );
    return saved;
  }
}
