import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { CaseClosed, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';
import { EnrollmentEndReason } from '../domain';
import { EligibilityReadModel } from '../eligibility/eligibility.read-model';
import { EnrollmentCommands } from './enrollment.command';

type Payload = PayloadOf<typeof CaseClosed>;

/**
 * Asiakkuuden päättäminen (PRODUCT.md flow 6): the closed case's decisions stop counting, and the
 * client's places and queue entries end unless another decision still makes them eligible.
 */
@Injectable()
export class CaseClosedHandler implements EventHandler<Payload> {
  readonly event = CaseClosed;

  constructor(
    private readonly readModel: EligibilityReadModel,
    private readonly enrollments: EnrollmentCommands,
  ) {}

  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    await this.readModel.recordCaseClosed(manager, event.payload);
    await this.enrollments.endIneligible(manager, [event.payload.clientId], todayInFinland(), EnrollmentEndReason.CASE_CLOSED, event.correlationId);
  }
}
