import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EurohisMeasurementRecorded, EventPublisher } from '@asw/events';
import type { UserIdentity } from '@asw/auth';
import { parseLocalDate, todayInFinland } from '@asw/calendar';
import { badInput, notFound } from '@asw/platform';
import { CaseEntity } from '../cases/case.entity';
import { ClientEntity } from '../clients/client.entity';
import { assertEnumValue, MeasurementOccasion, scoreEurohis8 } from '../domain';
import { MeasurementEntity } from './measurement.entity';

@Injectable()
export class MeasurementCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Records an EUROHIS-QOL 8 answer set; refuses anything but eight whole answers 1–5. Publishes the score (not the answers). */
  recordEurohis(
    clientId: string,
    input: { occasion: MeasurementOccasion; measuredOn: string; answers: number[]; caseId?: string | null },
    identity: UserIdentity,
    correlationId: string,
  ): Promise<MeasurementEntity> {
    const score = scoreEurohis8(input.answers);
    const occasion = assertEnumValue('occasion', MeasurementOccasion, input.occasion);
    const measuredOn = parseLocalDate(input.measuredOn, 'measuredOn');
    if (measuredOn > todayInFinland()) throw badInput('measuredOn must not be in the future', { field: 'measuredOn' });
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(ClientEntity).existsBy({ id: clientId }))) throw notFound('No client with that id', { clientId });
      if (input.caseId && !(await manager.getRepository(CaseEntity).existsBy({ id: input.caseId, clientId }))) {
        throw notFound('No case of this client with that id', { caseId: input.caseId });
      }
      const row = manager.create(MeasurementEntity, {
        id: randomUUID(),
        clientId,
        caseId: input.caseId ?? null,
        instrument: 'EUROHIS_QOL8',
        occasion,
        measuredOn,
        answers: [...input.answers],
        recordedAt: new Date(),
        recordedBy: identity.userId,
      });
      await manager.insert(MeasurementEntity, row);
      await this.events.publish(
        manager,
        EurohisMeasurementRecorded,
        {
          measurementId: row.id,
          clientId,
          caseId: row.caseId,
          occasion: row.occasion,
          measuredOn: row.measuredOn,
          score: { sum: score.sum, mean: score.mean, good: score.good },
          recordedAt: row.recordedAt.toISOString(),
        },
        { subject: clientId, correlationId },
      );
      return row;
    });
  }
}
