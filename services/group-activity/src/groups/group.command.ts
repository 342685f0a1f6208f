import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventPublisher, GroupFacilitatorsChanged, GroupSessionsGenerated, RehabilitationGroupCreated } from '@asw/events';
import { notFound } from '@asw/platform';
import type { UserIdentity } from '@asw/auth';
import { generateSessions, RehabilitationGroup, validateGroup } from '../domain';
import { validateFacilitators } from './facilitators.rules';
import { GroupSessionEntity, groupColumns, RehabilitationGroupEntity } from './group.entity';

/**
 * Groups: created with the sessions their schedule gives; facilitators change as staff do. Each change
 * is published in its transaction, keyed by the group (no client is involved).
 */
@Injectable()
export class GroupCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async create(input: RehabilitationGroup, facilitatorIds: readonly string[], worker: UserIdentity, correlationId: string): Promise<RehabilitationGroupEntity> {
    const group = validateGroup(input);
    const sessions = generateSessions(group).map((session) => ({ id: randomUUID(), ...session }));
    const facilitators = validateFacilitators(facilitatorIds);
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(RehabilitationGroupEntity, { id: randomUUID(), ...groupColumns(group), facilitatorIds: facilitators, createdBy: worker.userId, team: worker.team }),
      );
      await manager.insert(
        GroupSessionEntity,
        sessions.map((session) => ({ ...session, groupId: row.id })),
      );
      const meta = { subject: row.id, correlationId };
      const at = new Date().toISOString();
      await this.events.publish(
        manager,
        RehabilitationGroupCreated,
        { groupId: row.id, kind: row.kind, capacity: row.capacity, startsOn: row.startsOn, endsOn: row.endsOn, facilitatorIds: row.facilitatorIds, createdBy: worker.userId, createdAt: at },
        meta,
      );
      await this.events.publish(
        manager,
        GroupSessionsGenerated,
        {
          groupId: row.id,
          sessions: sessions.map(({ id, sequence, date, startTime, durationMinutes, theme }) => ({ sessionId: id, sequence, date, startTime, durationMinutes, theme })),
          generatedAt: at,
        },
        meta,
      );
      return row;
    });
  }

  /** Ohjaajat vaihtuvat: replaces the group's facilitators (published only when the list changed). */
  async setFacilitators(groupId: string, facilitatorIds: readonly string[], worker: UserIdentity, correlationId: string): Promise<RehabilitationGroupEntity> {
    const facilitators = validateFacilitators(facilitatorIds);
    return this.dataSource.transaction(async (manager) => {
      const group = await manager.findOne(RehabilitationGroupEntity, { where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('No rehabilitation group with that id', { id: groupId });
      const previous = group.facilitatorIds;
      const saved = await manager.save(Object.assign(group, { facilitatorIds: facilitators }));
      if (previous.join('\n') !== facilitators.join('\n')) {
        await this.events.publish(
          manager,
          GroupFacilitatorsChanged,
          { groupId, facilitatorIds: facilitators, previousFacilitatorIds: previous, changedBy: worker.userId, changedAt: new Date().toISOString() },
          { subject: groupId, correlationId },
        );
      }
      return saved;
    });
  }
}
