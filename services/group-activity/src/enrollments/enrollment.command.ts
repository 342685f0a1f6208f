import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import type { UserIdentity } from '@asw/auth';
import { EventPublisher, GroupCapacityChanged, GroupEnrollmentChanged } from '@asw/events';
import { conflict, notFound } from '@asw/platform';
import { assertEligible, changeCapacity, endAllFor, enroll, EnrollmentEndReason, EnrollmentStatus, leave } from '../domain';
import { EligibilityReadModel } from '../eligibility/eligibility.read-model';
import { RehabilitationGroupEntity } from '../groups/group.entity';
import { GroupEnrollmentEntity, GroupEnrollmentStatus, rosterOf } from './enrollment.entity';

/** Why a client got a place without asking again: the published `reason` of an ENROLLED change. */
export const PROMOTED_FROM_WAITLIST = 'PROMOTED_FROM_WAITLIST';

/**
 * Places in groups and their waitlists. Every change locks the group row first, so one group's
 * roster changes one at a time, then applies the enrollment rules and publishes each change.
 */
@Injectable()
export class EnrollmentCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly eligibility: EligibilityReadModel,
  ) {}

  /** Only a client with a social rehabilitation decision in force today; a full group puts them on its waitlist. */
  enroll(groupId: string, clientId: string, correlationId: string): Promise<GroupEnrollmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const today = todayInFinland();
      const [group] = await lockGroups(manager, [groupId]);
      if (group.endsOn < today) throw conflict('the group has already ended', { groupId, endsOn: group.endsOn });
      const [facts] = await this.eligibility.factsOf([clientId], manager);
      assertEligible(facts, today);
      const now = new Date();
      const { result } = enroll(rosterOf(group.id, group.capacity, await openRows(manager, [group.id])), clientId, now);
      const enrolled = result.status === EnrollmentStatus.ENROLLED;
      const row = await manager.save(
        manager.create(GroupEnrollmentEntity, {
          id: randomUUID(),
          groupId: group.id,
          clientId,
          status: enrolled ? GroupEnrollmentStatus.ENROLLED : GroupEnrollmentStatus.WAITLISTED,
          joinedAt: now,
          enrolledAt: enrolled ? now : null,
          endedAt: null,
          endReason: null,
        }),
      );
      await this.publish(manager, row, null, now, correlationId);
      return row;
    });
  }

  /** The client leaves the group or its queue; a freed place goes to the first in the queue. */
  leave(groupId: string, clientId: string, correlationId: string): Promise<GroupEnrollmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const [group] = await lockGroups(manager, [groupId]);
      const open = await openRows(manager, [group.id]);
      const now = new Date();
      const { promoted } = leave(rosterOf(group.id, group.capacity, open), clientId, now);
      const ended = await this.endRow(manager, open, clientId, EnrollmentEndReason.LEFT, now, correlationId);
      if (promoted) await this.promote(manager, open, [promoted], now, correlationId);
      return ended;
    });
  }

  /** More places fill from the queue at once; fewer than those enrolled is refused. Published only when the number changed. */
  changeCapacity(groupId: string, capacity: number, worker: UserIdentity, correlationId: string): Promise<RehabilitationGroupEntity> {
    return this.dataSource.transaction(async (manager) => {
      const [group] = await lockGroups(manager, [groupId]);
      const open = await openRows(manager, [group.id]);
      const now = new Date();
      const { roster, promoted } = changeCapacity(rosterOf(group.id, group.capacity, open), capacity, now);
      await manager.update(RehabilitationGroupEntity, { id: group.id }, { capacity: roster.capacity });
      if (roster.capacity !== group.capacity) {
        await this.events.publish(
          manager,
          GroupCapacityChanged,
          { groupId: group.id, capacity: roster.capacity, previousCapacity: group.capacity, changedBy: worker.userId, changedAt: now.toISOString() },
          { subject: group.id, correlationId },
        );
      }
      await this.promote(manager, open, promoted, now, correlationId);
      return { ...group, capacity: roster.capacity };
    });
  }

  /**
   * Ends every place and queue entry of the given clients who are no longer eligible on `today`
   * (case closed, decision expired): nothing is left dangling, and freed places go to the queues.
   * Returns how many places ended.
   */
  async endIneligible(manager: EntityManager, clientIds: readonly string[], today: string, reason: EnrollmentEndReason, correlationId: string): Promise<number> {
    if (clientIds.length === 0) return 0;
    const eligibility = await this.eligibility.eligibilityOf(clientIds, today, manager);
    const ineligible = eligibility.filter((e) => !e.eligible).map((e) => e.clientId);
    if (ineligible.length === 0) return 0;
    const theirs = await manager.findBy(GroupEnrollmentEntity, { clientId: In(ineligible), status: Not(GroupEnrollmentStatus.ENDED) });
    if (theirs.length === 0) return 0;
    const groups = await lockGroups(manager, [...new Set(theirs.map((row) => row.groupId))]);
    const open = await openRows(manager, groups.map((g) => g.id));
    const now = new Date();
    let rosters = groups.map((group) => rosterOf(group.id, group.capacity, open.filter((row) => row.groupId === group.id)));
    let count = 0;
    for (const clientId of ineligible) {
      const result = endAllFor(rosters, clientId, now, reason);
      rosters = result.rosters;
      for (const ended of result.ended) {
        const inGroup = open.filter((row) => row.groupId === ended.groupId);
        await this.endRow(manager, inGroup, clientId, reason, now, correlationId);
        if (ended.promoted) await this.promote(manager, inGroup, [ended.promoted], now, correlationId);
        count++;
      }
    }
    return count;
  }

  /** Runs `endIneligible` over everyone holding a place or queueing, e.g. daily for decisions that expired. */
  endExpired(today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ client_id: string }> = await manager.query(`SELECT DISTINCT client_id FROM group_enrollment WHERE status <> 'ENDED'`);
      return this.endIneligible(manager, rows.map((row) => row.client_id), today, EnrollmentEndReason.DECISION_EXPIRED, randomUUID());
    });
  }

  private async endRow(manager: EntityManager, open: GroupEnrollmentEntity[], clientId: string, reason: EnrollmentEndReason, at: Date, correlationId: string) {
    const row = open.find((r) => r.clientId === clientId)!;
    Object.assign(row, { status: GroupEnrollmentStatus.ENDED, endedAt: at, endReason: reason });
    await manager.save(row);
    await this.publish(manager, row, reason, at, correlationId);
    return row;
  }

  private async promote(manager: EntityManager, open: GroupEnrollmentEntity[], clientIds: readonly string[], at: Date, correlationId: string) {
    for (const clientId of clientIds) {
      const row = open.find((r) => r.clientId === clientId && r.status === GroupEnrollmentStatus.WAITLISTED)!;
      Object.assign(row, { status: GroupEnrollmentStatus.ENROLLED, enrolledAt: at });
      await manager.save(row);
      await this.publish(manager, row, PROMOTED_FROM_WAITLIST, at, correlationId);
    }
  }

  private publish(manager: EntityManager, row: GroupEnrollmentEntity, reason: string | null, at: Date, correlationId: string) {
    return this.events.publish(
      manager,
      GroupEnrollmentChanged,
      { enrollmentId: row.id, groupId: row.groupId, clientId: row.clientId, status: row.status, reason, changedAt: at.toISOString() },
      { subject: row.clientId, correlationId },
    );
  }
}

/** Locks groups in id order (so two transactions never wait on each other in a circle); NOT_FOUND for an unknown one. */
async function lockGroups(manager: EntityManager, ids: readonly string[]): Promise<RehabilitationGroupEntity[]> {
  const sorted = [...ids].sort();
  const rows = await manager.find(RehabilitationGroupEntity, { where: { id: In(sorted) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const missing = sorted.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw notFound('No rehabilitation group with that id', { id: missing });
  return rows;
}

function openRows(manager: EntityManager, groupIds: readonly string[]): Promise<GroupEnrollmentEntity[]> {
  return manager.findBy(GroupEnrollmentEntity, { groupId: In([...groupIds]), status: Not(GroupEnrollmentStatus.ENDED) });
}
