import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientRegistered, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';

type Payload = PayloadOf<typeof ClientRegistered>;

/**
 * Keeps the known-client read model: the client id and the lookup hash Kela's identity codes are
 * matched by. A client Kela introduced first (same id, or same hash under the id assigned here) is
 * already known: the first record wins, nothing is overwritten.
 */
@Injectable()
export class ClientRegisteredHandler implements EventHandler<Payload> {
  readonly event = ClientRegistered;

  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    await manager.query(
      `INSERT INTO known_client (client_id, personal_identity_code_hash, source, known_since) VALUES ($1, $2, 'CASE', $3) ON CONFLICT DO NOTHING`,
      [event.payload.clientId, event.payload.personalIdentityCodeHash, event.payload.registeredAt],
    );
  }
}
