import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseClosed, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';
import { SupportPeriodCommands } from './support-period.command';

type Payload = PayloadOf<typeof CaseClosed>;

/** Asiakkuuden päättäminen (PRODUCT.md flow 6): the open support periods end, nothing is left dangling. */
@Injectable()
export class CaseClosedHandler implements EventHandler<Payload> {
  readonly event = CaseClosed;

  constructor(private readonly periods: SupportPeriodCommands) {}

  handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    return this.periods.endForClosedCase(manager, event.payload, event.correlationId);
  }
}
