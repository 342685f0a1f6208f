import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientRegistered, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';
import { EligibilityReadModel } from './eligibility.read-model';

type Payload = PayloadOf<typeof ClientRegistered>;

@Injectable()
export class ClientRegisteredHandler implements EventHandler<Payload> {
  readonly event = ClientRegistered;

  constructor(private readonly readModel: EligibilityReadModel) {}

  handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    return this.readModel.recordClient(manager, event.payload.clientId, new Date(event.payload.registeredAt));
  }
}
