import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { EventPublisher, IncomeSupportApplicationRegistered } from '@asw/events';
import { badInput, notFound } from '@asw/platform';
import { draftApplication, receiveApplication, routeToQueue } from '../domain';
import { BENEFITS_SETTINGS, BenefitsSettings } from '../config/benefits.config';
import { KnownClients } from '../known-clients/known-clients';
import { ApplicationIntakeInput, applicationDeadlines, ValidApplicationIntake, validateApplicationIntake } from './application-intake.rules';
import { ApplicationChannel, ClaimedExpenseEntity, IncomeSupportApplicationEntity } from './income-support-application.entity';

/** Where an application came from, beyond what the applicant wrote. */
export interface ApplicationOrigin {
  clientId: string;
  channel: ApplicationChannel;
  /** The team whose queue it goes to (access.ts `handlingTeamFor`). */
  handlingTeam: string;
  kelaReference?: string | null;
  submittedBy?: string | null;
  rentArrearsId?: string | null;
  /** A draft for a handler to review: no §14 a clock until the client applies. */
  draft?: boolean;
  /** The client's asiointikieli as the application (or Kela) states it; null if not stated. */
  preferredLanguage?: 'FI' | 'SV' | null;
}

/** Channels a county worker registers by hand; Kela and rent arrears arrive by their own routes. */
export const DIRECT_CHANNELS: readonly ApplicationChannel[] = [ApplicationChannel.PAPER, ApplicationChannel.E_SERVICE, ApplicationChannel.FRONT_DESK];

/**
 * Vireilletulo of an income support application, whichever way it arrived: routed to its queue, §14 a
 * due dates computed on the working-day calendar, claimed lines stored, and announced, in the caller's
 * transaction.
 */
@Injectable()
export class RegisterApplicationCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly knownClients: KnownClients,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  /** A paper, e-service or front-desk application for a client case has announced. */
  async execute(
    input: ApplicationIntakeInput & { clientId: string; channel: ApplicationChannel; handlingTeam: string; language?: 'FI' | 'SV' | null },
    correlationId: string,
  ): Promise<IncomeSupportApplicationEntity> {
    if (!DIRECT_CHANNELS.includes(input.channel)) throw badInput(`channel must be one of ${DIRECT_CHANNELS.join(', ')}`, { field: 'channel' });
    const valid = validateApplicationIntake(input, todayInFinland());
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.knownClients.exists(manager, input.clientId))) throw notFound('No client with that id', { field: 'clientId' });
      return this.register(manager, valid, { clientId: input.clientId, channel: input.channel, handlingTeam: input.handlingTeam, preferredLanguage: input.language ?? null }, correlationId);
    });
  }

  async register(manager: EntityManager, valid: ValidApplicationIntake, origin: ApplicationOrigin, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const state = origin.draft ? draftApplication({ draftedOn: valid.receivedOn }) : receiveApplication({ receivedOn: valid.receivedOn, urgent: valid.urgent });
    const { decisionDueOn, completionRequestDueOn } = origin.draft ? { decisionDueOn: null, completionRequestDueOn: null } : applicationDeadlines(state, this.settings.calendar);
    const application = await manager.save(
      manager.create(IncomeSupportApplicationEntity, {
        id: randomUUID(),
        clientId: origin.clientId,
        kind: valid.kind,
        status: state.status,
        channel: origin.channel,
        queue: routeToQueue(valid),
        handlingTeam: origin.handlingTeam,
        urgent: valid.urgent,
        preferredLanguage: origin.preferredLanguage ?? null,
        student: valid.student,
        receivedOn: state.receivedOn,
        clockStartsOn: state.clockStartsOn,
        decisionDueOn,
        completionRequestDueOn,
        decidedOn: null,
        assignedHandlerId: null,
        kelaReference: origin.kelaReference ?? null,
        submittedBy: origin.submittedBy ?? null,
        rentArrearsId: origin.rentArrearsId ?? null,
      }),
    );
    await manager.insert(
      ClaimedExpenseEntity,
      valid.expenses.map((line, position) => ({ applicationId: application.id, position, ...line })),
    );
    await this.events.publish(
      manager,
      IncomeSupportApplicationRegistered,
      {
        applicationId: application.id,
        clientId: application.clientId,
        kind: application.kind,
        channel: application.channel,
        queue: application.queue,
        handlingTeam: application.handlingTeam,
        status: application.status,
        receivedOn: application.receivedOn,
        decisionDueOn: application.decisionDueOn,
        rentArrearsId: application.rentArrearsId,
      },
      { subject: application.clientId, correlationId },
    );
    return application;
  }
}
