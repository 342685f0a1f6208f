import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, IncomeSupportDecisionMade, PayloadOf } from '@asw/events';
import { IncomeSupportDecisionEntity } from './activation.entity';

type Payload = PayloadOf<typeof IncomeSupportDecisionMade>;

/** Benefits-handling decided an income support application: the client's timeline shows it. */
@Injectable()
export class IncomeSupportDecisionMadeHandler implements EventHandler<Payload> {
  readonly event = IncomeSupportDecisionMade;

  async handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IncomeSupportDecisionEntity)
      .values({
        decisionId: payload.decisionId,
        clientId: payload.clientId,
        applicationId: payload.applicationId,
        kind: payload.kind,
        outcome: payload.outcome,
        grantedTotalCents: String(payload.grantedTotalCents),
        decidedAt: new Date(payload.decidedAt),
        correctsDecisionId: payload.correctsDecisionId,
      })
      .orIgnore()
      .execute();
  }
}
