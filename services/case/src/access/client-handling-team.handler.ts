import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, IncomeSupportApplicationRegistered, PayloadOf } from '@asw/events';

type Payload = PayloadOf<typeof IncomeSupportApplicationRegistered>;

/**
 * Which benefits-handling teams have an application of the client in their queue: a benefits
 * handler's only basis for the client's basic details (issue #13 item 2). An application's team never
 * changes, so the row stays for as long as the client's basic data does.
 */
@Injectable()
export class ClientHandlingTeamHandler implements EventHandler<Payload> {
  readonly event = IncomeSupportApplicationRegistered;

  async handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    if (!payload.handlingTeam) return;
    await manager.query(`INSERT INTO client_handling_team (client_id, team) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [payload.clientId, payload.handlingTeam]);
  }
}
