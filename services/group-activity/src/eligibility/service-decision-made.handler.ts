import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, PayloadOf, ServiceDecisionMade } from '@asw/events';
import { EligibilityReadModel } from './eligibility.read-model';

type Payload = PayloadOf<typeof ServiceDecisionMade>;

/** case's palvelupäätös: a SOCIAL_REHABILITATION decision sets when the client may join groups. */
@Injectable()
export class ServiceDecisionMadeHandler implements EventHandler<Payload> {
  readonly event = ServiceDecisionMade;

  constructor(private readonly readModel: EligibilityReadModel) {}

  handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    return this.readModel.recordDecision(manager, event.payload);
  }
}
