import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { ActivationFactsRecorded, EventPublisher } from '@asw/events';
import { notFound } from '@asw/platform';
import { ClientEntity } from '../clients/client.entity';
import { activationPlanTrigger } from '../domain';
import { KelaNoticeEntity } from '../kela-notices/kela-notice.entity';
import { kelaNoticeHandling } from '../kela-notices/kela-notice.rules';
import { ActivationFactsEntity } from './activation.entity';
import { activationFactsOn, RecordedActivationFacts, validateRecordedActivationFacts } from './activation.rules';

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
  recordFacts(clientId: string, input: RecordedActivationFacts, identity: UserIdentity, correlationId: string): Promise<ActivationFactsEntity> {
    const facts = validateRecordedActivationFacts(input);
    return this.dataSource.transaction(async (manager) => {
      const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, select: { id: true, dateOfBirth: true } });
      if (!client) throw notFound('No client with that id', { clientId });
      const today = todayInFinland();
      const row = manager.create(ActivationFactsEntity, { clientId, ...facts, recordedOn: today, recordedAt: new Date(), recordedBy: identity.userId });
      await manager.upsert(ActivationFactsEntity, row, ['clientId']);
      const notices = await manager.getRepository(KelaNoticeEntity).find({ where: { clientId }, select: { noticeType: true } });
      const attested = notices.map((notice) => kelaNoticeHandling(notice.noticeType)?.incomeSupportMonths ?? 0);
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
