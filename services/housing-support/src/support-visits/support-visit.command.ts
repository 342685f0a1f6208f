import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { EventPublisher, SupportVisitDone } from '@asw/events';
import type { HousingActor } from '../access-policy';
import { lockPeriod } from '../support-periods/support-period.command';
import { toSupportPeriod } from '../support-periods/support-period.entity';
import { SupportVisitEntity } from './support-visit.entity';
import { SupportVisitRecord, validateVisit } from './support-visit.rules';

/** Records a done support visit and announces it (case counts it as a HOME_VISIT contact), in one transaction. */
@Injectable()
export class RecordSupportVisitCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async execute(periodId: string, input: SupportVisitRecord, actor: HousingActor): Promise<SupportVisitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const period = await lockPeriod(manager, periodId);
      const by = actor.performedBy;
      const visit = validateVisit(toSupportPeriod(period), input, todayInFinland());
      const row = await manager.save(
        manager.create(SupportVisitEntity, {
          id: randomUUID(),
          periodId: period.id,
          clientId: period.clientId,
          ...visit,
          guidanceAreas: [...visit.guidanceAreas],
          workerId: by.workerId,
          workerRole: by.workerRole,
        }),
      );
      await this.events.publish(
        manager,
        SupportVisitDone,
        {
          visitId: row.id,
          periodId: period.id,
          clientId: period.clientId,
          visitedOn: row.visitedOn,
          durationMinutes: row.durationMinutes,
          guidanceAreas: row.guidanceAreas,
          performedBy: by,
        },
        { subject: period.clientId, correlationId: actor.correlationId },
      );
      return row;
    });
  }
}
