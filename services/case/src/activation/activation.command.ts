import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { notFound } from '@asw/platform';
import { ClientEntity } from '../clients/client.entity';
import { ActivationFactsEntity } from './activation.entity';
import { RecordedActivationFacts, validateRecordedActivationFacts } from './activation.rules';

@Injectable()
export class ActivationCommands {
  constructor(private readonly dataSource: DataSource) {}

  /** Records (replaces) the employment facts a worker has established for the client, as of today. */
  recordFacts(clientId: string, input: RecordedActivationFacts, identity: UserIdentity): Promise<ActivationFactsEntity> {
    const facts = validateRecordedActivationFacts(input);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(ClientEntity).existsBy({ id: clientId }))) throw notFound('No client with that id', { clientId });
      const row = manager.create(ActivationFactsEntity, { clientId, ...facts, recordedOn: todayInFinland(), recordedAt: new Date(), recordedBy: identity.userId });
      await manager.upsert(ActivationFactsEntity, row, ['clientId']);
      return row;
    });
  }
}
