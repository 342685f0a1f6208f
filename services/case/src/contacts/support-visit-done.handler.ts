import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, PayloadOf, SupportVisitDone } from '@asw/events';
import { ContactType, WorkerRole } from '../domain';
import { ContactCommands } from './contact.command';
import { ContactSource } from './contact.entity';

type Payload = PayloadOf<typeof SupportVisitDone>;

/** A housing support visit counts as a home visit (kotikäynti) in the contact statistics. */
@Injectable()
export class SupportVisitDoneHandler implements EventHandler<Payload> {
  readonly event = SupportVisitDone;

  constructor(private readonly contacts: ContactCommands) {}

  handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    return this.contacts.recordReported(manager, {
      source: ContactSource.HOUSING_SUPPORT,
      sourceId: payload.visitId,
      clientId: payload.clientId,
      type: ContactType.HOME_VISIT,
      occurredOn: payload.visitedOn,
      durationMinutes: payload.durationMinutes,
      workerId: payload.performedBy.workerId,
      workerRole: payload.performedBy.workerRole as WorkerRole,
    });
  }
}
