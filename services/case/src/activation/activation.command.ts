import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { ActivationFactsRecorded, EventPublisher } from '@asw/events';
import { badInput, notFound } from '@asw/platform';
import { ClientEntity } from '../clients/client.entity';
import { activationPlanTrigger } from '../domain';
import { KelaNoticeEntity } from '../kela-notices/kela-notice.entity';
import { ActivationFactsEntity } from './activation.entity';
import { activationFactsOn, kelaAttestations, StatedActivationFacts, validateRecordedActivationFacts } from './activation.rules';

@Injectable()
export class ActivationCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Records (replaces) the employment facts a worker has established for the client, as of today, and
   * publishes ActivationFactsRecorded with whether an activation plan must be drawn up today (not the facts).
   */
  recordFacts(clientId: string, input: StatedActivationFacts & { monthsIncomeSupportAsMainIncome?: number | null }, identity: UserIdentity, correlationId: string): Promise<ActivationFactsEntity> {
    const today = todayInFinland();
    if (input.monthsIncomeSupportAsMainIncome != null && input.monthsIncomeSupportAsMainIncome !== 0) {
      throw badInput('monthsIncomeSupportAsMainIncome is no longer used: state unemploymentIncomeSupportAsMainIncomeSince (income support paid because of unemployment, 189/2001 3 §)', {
        field: 'monthsIncomeSupportAsMainIncome',
        reason: 'MONTHS_COUNT_RETIRED',
      });
    }
    const facts = validateRecordedActivationFacts(input, today);
    return this.dataSource.transaction(async (manager) => {
      const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, select: { id: true, dateOfBirth: true } });
      if (!client) throw notFound('No client with that id', { clientId });
      const row = manager.create(ActivationFactsEntity, { clientId, ...facts, monthsIncomeSupportAsMainIncome: 0, recordedOn: today, recordedAt: new Date(), recordedBy: identity.userId });
      await manager.upsert(ActivationFactsEntity, row, ['clientId']);
      const notices = await manager.getRepository(KelaNoticeEntity).find({ where: { clientId }, select: { noticeType: true, receivedAt: true } });
      const attested = kelaAttestations(notices);
      const trigger = activationPlanTrigger(activationFactsOn(client.dateOfBirth, today, facts, attested), today);
      await this.events.publish(
        manager,
        ActivationFactsRecorded,
        { clientId, recordedOn: today, activationPlanTriggered: trigger.triggered, triggerBasis: trigger.basis, ruleSetVersion: trigger.ruleSetVersion, recordedAt: row.recordedAt.toISOString() },
        { subject: clientId, correlationId },
      );
      return row;
    });
  }
}
