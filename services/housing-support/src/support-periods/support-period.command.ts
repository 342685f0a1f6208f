import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import {
  CaseClosed,
  EventPublisher,
  HousingSupportPeriodEnded,
  HousingSupportPeriodOpened,
  HousingSupportPeriodPlanned,
  HousingSupportPeriodStarted,
  PayloadOf,
  ServiceDecisionMade,
} from '@asw/events';
import { notFound } from '@asw/platform';
import type { HousingActor } from '../access-policy';
import { activatePeriod, EndPeriodRequest, endPeriod, recordOutcome, SupportPeriodEndCause, SupportPeriodOutcome, SupportPeriodStatus, termExpired } from '../domain';
import { PeriodPlan, recordPlan } from './period-plan.rules';
import { applySupportPeriod, HousingSupportPeriodEntity, toSupportPeriod } from './support-period.entity';

export const HOUSING_SUPPORT_SERVICE = 'HOUSING_SUPPORT';

/** Use cases of the support period: each validates, then writes the state and its event in one transaction. */
@Injectable()
export class SupportPeriodCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** A granted HOUSING_SUPPORT decision opens a period in planning; a redelivered decision opens nothing more. */
  async openFromDecision(manager: EntityManager, decision: PayloadOf<typeof ServiceDecisionMade>, correlationId: string): Promise<void> {
    if (decision.serviceType !== HOUSING_SUPPORT_SERVICE || decision.outcome !== 'GRANTED') return;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(HousingSupportPeriodEntity)
      .values({
        id: randomUUID(),
        clientId: decision.clientId,
        decisionId: decision.decisionId,
        caseId: decision.caseId,
        status: SupportPeriodStatus.PLANNING,
        decisionValidFrom: decision.validFrom,
        decisionValidUntil: decision.validUntil,
      })
      .orIgnore()
      .returning(['id', 'opened_at'])
      .execute();
    const row = inserted.raw[0] as { id: string; opened_at: Date } | undefined;
    if (!row) return;
    await this.events.publish(
      manager,
      HousingSupportPeriodOpened,
      { periodId: row.id, clientId: decision.clientId, decisionId: decision.decisionId, openedAt: new Date(row.opened_at).toISOString() },
      { subject: decision.clientId, correlationId },
    );
  }

  /** The plan agreed with the client (term, goals, visit schedule), announced as HousingSupportPeriodPlanned. */
  async plan(periodId: string, plan: PeriodPlan, actor: HousingActor): Promise<HousingSupportPeriodEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockPeriod(manager, periodId);
      const planned = await manager.save(applySupportPeriod(row, recordPlan(toSupportPeriod(row), plan, { validFrom: row.decisionValidFrom, validUntil: row.decisionValidUntil })));
      const { visitSchedule } = toSupportPeriod(planned);
      await this.events.publish(
        manager,
        HousingSupportPeriodPlanned,
        {
          periodId: planned.id,
          clientId: planned.clientId,
          startsOn: planned.startsOn!,
          endsOn: planned.endsOn!,
          goalAreas: planned.goals.map((goal) => goal.area),
          visitSchedule,
          plannedBy: actor.performedBy,
        },
        { subject: planned.clientId, correlationId: actor.correlationId },
      );
      return planned;
    });
  }

  /** Starts a fully planned period, announced as HousingSupportPeriodStarted with what was agreed. */
  async start(periodId: string, actor: HousingActor): Promise<HousingSupportPeriodEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockPeriod(manager, periodId);
      const started = await manager.save(applySupportPeriod(row, activatePeriod(toSupportPeriod(row), todayInFinland())));
      await this.events.publish(
        manager,
        HousingSupportPeriodStarted,
        {
          periodId: started.id,
          clientId: started.clientId,
          startsOn: started.startsOn!,
          endsOn: started.endsOn!,
          goalAreas: started.goals.map((goal) => goal.area),
          visitSchedule: toSupportPeriod(started).visitSchedule!,
          startedBy: actor.performedBy,
        },
        { subject: started.clientId, correlationId: actor.correlationId },
      );
      return started;
    });
  }

  async endByWorker(periodId: string, endedOn: string, outcome: SupportPeriodOutcome, actor: HousingActor): Promise<HousingSupportPeriodEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockPeriod(manager, periodId);
      return this.end(manager, row, { cause: SupportPeriodEndCause.ENDED_BY_WORKER, endedOn, outcome }, actor.correlationId);
    });
  }

  /** The worker's assessment of a period that ended on its end date (or a correction of an earlier one). */
  async recordOutcome(periodId: string, outcome: SupportPeriodOutcome): Promise<HousingSupportPeriodEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockPeriod(manager, periodId);
      return manager.save(applySupportPeriod(row, recordOutcome(toSupportPeriod(row), outcome)));
    });
  }

  /** Asiakkuus päättyi: the closed case's periods end, and every open one when the client has no other open case. */
  async endForClosedCase(manager: EntityManager, closed: PayloadOf<typeof CaseClosed>, correlationId: string): Promise<void> {
    const open = [SupportPeriodStatus.PLANNING, SupportPeriodStatus.ACTIVE];
    const rows = await manager.find(HousingSupportPeriodEntity, {
      where: closed.clientHasOtherOpenCases
        ? { caseId: closed.caseId, status: In(open) }
        : [{ caseId: closed.caseId, status: In(open) }, { clientId: closed.clientId, status: In(open) }],
      lock: { mode: 'pessimistic_write' },
    });
    const endedOn = todayInFinland(new Date(closed.closedAt));
    for (const row of rows) await this.end(manager, row, { cause: SupportPeriodEndCause.CASE_CLOSED, endedOn }, correlationId);
  }

  /** Määräaika päättyi: ends every running period whose fixed term is over by `today`. Returns how many ended. */
  async endExpired(today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.find(HousingSupportPeriodEntity, {
        where: { status: SupportPeriodStatus.ACTIVE, endsOn: LessThan(today) },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      const expired = rows.filter((row) => termExpired(toSupportPeriod(row), today));
      for (const row of expired) await this.end(manager, row, { cause: SupportPeriodEndCause.TERM_EXPIRED, today }, randomUUID());
      return expired.length;
    });
  }

  private async end(manager: EntityManager, row: HousingSupportPeriodEntity, request: EndPeriodRequest, correlationId: string) {
    const ended = applySupportPeriod(row, endPeriod(toSupportPeriod(row), request));
    await manager.save(ended);
    await this.events.publish(
      manager,
      HousingSupportPeriodEnded,
      { periodId: ended.id, clientId: ended.clientId, outcome: ended.outcome ?? ended.endCause!, endedOn: ended.endedOn! },
      { subject: ended.clientId, correlationId },
    );
    return ended;
  }
}

/** The period, locked for the rest of the transaction so two workers' changes never interleave. */
export async function lockPeriod(manager: EntityManager, id: string): Promise<HousingSupportPeriodEntity> {
  const row = await manager.findOne(HousingSupportPeriodEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound('No housing support period with that id', { id });
  return row;
}
