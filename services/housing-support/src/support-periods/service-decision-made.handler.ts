import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventHandler, PayloadOf, ServiceDecisionMade } from '@asw/events';
import { SupportPeriodCommands } from './support-period.command';

type Payload = PayloadOf<typeof ServiceDecisionMade>;

/** case's palvelupäätös: a granted HOUSING_SUPPORT decision opens a support period. */
@Injectable()
export class ServiceDecisionMadeHandler implements EventHandler<Payload> {
  readonly event = ServiceDecisionMade;

  constructor(private readonly periods: SupportPeriodCommands) {}

  handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    return this.periods.openFromDecision(manager, event.payload, event.correlationId);
  }
}
