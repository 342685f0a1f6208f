import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@asw/platform';
import type { UserIdentity } from '@asw/auth';
import { generateSessions, RehabilitationGroup, validateGroup } from '../domain';
import { validateFacilitators } from './facilitators.rules';
import { GroupSessionEntity, groupColumns, RehabilitationGroupEntity } from './group.entity';

/** Groups: created with the sessions their schedule gives; facilitators change as staff do. */
@Injectable()
export class GroupCommands {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: RehabilitationGroup, facilitatorIds: readonly string[], worker: UserIdentity): Promise<RehabilitationGroupEntity> {
    const group = validateGroup(input);
    const sessions = generateSessions(group);
    const facilitators = validateFacilitators(facilitatorIds);
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(RehabilitationGroupEntity, { id: randomUUID(), ...groupColumns(group), facilitatorIds: facilitators, createdBy: worker.userId }),
      );
      await manager.insert(
        GroupSessionEntity,
        sessions.map((session) => ({ id: randomUUID(), groupId: row.id, ...session })),
      );
      return row;
    });
  }

  /** Ohjaajat vaihtuvat: replaces the group's facilitators. */
  async setFacilitators(groupId: string, facilitatorIds: readonly string[]): Promise<RehabilitationGroupEntity> {
    const facilitators = validateFacilitators(facilitatorIds);
    return this.dataSource.transaction(async (manager) => {
      const group = await manager.findOne(RehabilitationGroupEntity, { where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('No rehabilitation group with that id', { id: groupId });
      return manager.save(Object.assign(group, { facilitatorIds: facilitators }));
    });
  }
}
