import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientRegistered, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';
import { KnownClientEntity } from './known-client.entity';

type Payload = PayloadOf<typeof ClientRegistered>;

@Injectable()
export class ClientRegisteredHandler implements EventHandler<Payload> {
  readonly event = ClientRegistered;

  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownClientEntity)
      .values({ clientId: event.payload.clientId, registeredAt: new Date(event.payload.registeredAt) })
      .orIgnore()
      .execute();
  }
}
