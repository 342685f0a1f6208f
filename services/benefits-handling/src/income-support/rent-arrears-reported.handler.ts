import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseLocalDate } from '@asw/calendar';
import { EventEnvelope, EventHandler, PayloadOf, RentArrearsReported } from '@asw/events';
import { handlingTeamFor } from '../access';
import { BENEFITS_SETTINGS, BenefitsSettings } from '../config/benefits.config';
import { ExpenseType, IncomeSupportKind } from '../domain';
import { ApplicationChannel } from './income-support-application.entity';
import { RegisterApplicationCommand } from './register-application.command';

type Payload = PayloadOf<typeof RentArrearsReported>;

/**
 * Vuokrarästi (PRODUCT.md flow 5): housing-support reported arrears, so a draft preventive application
 * (§13: securing housing) waits for a handler to review with the client, linked to the arrears. The
 * inbox and the unique arrears link make a redelivery a no-op.
 */
@Injectable()
export class RentArrearsReportedHandler implements EventHandler<Payload> {
  readonly event = RentArrearsReported;

  constructor(
    private readonly register: RegisterApplicationCommand,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    const { rentArrearsId, clientId, amountCents, months, reportedOn } = event.payload;
    const [existing] = await manager.query(`SELECT 1 FROM income_support_application WHERE rent_arrears_id = $1`, [rentArrearsId]);
    if (existing) return;
    await this.register.register(
      manager,
      {
        kind: IncomeSupportKind.PREVENTIVE,
        receivedOn: parseLocalDate(reportedOn, 'reportedOn'),
        urgent: false,
        student: false,
        expenses: [{ expenseType: ExpenseType.RENT_ARREARS, claimedCents: amountCents, description: `Vuokrarästit ${months} kk` }],
      },
      { clientId, channel: ApplicationChannel.RENT_ARREARS, handlingTeam: handlingTeamFor(null, this.settings.handlingTeam), rentArrearsId, draft: true },
      event.correlationId,
    );
  }
}
