import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClientPlanMade, ClientPlanReviewed, EventPublisher } from '@asw/events';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { badInput, conflict, notFound } from '@asw/platform';
import { CaseEntity } from '../cases/case.entity';
import { stepDate } from '../cases/case.rules';
import { CaseStatus, ClientPlanVersionInput, GoalAttainment, summariseGoalAttainment, validateClientPlanVersion } from '../domain';
import { ClientPlanEntity, ClientPlanReviewEntity } from './client-plan.entity';

/** A plan is made after the assessment (§39): on a case in planning or active. */
const PLANNABLE: readonly CaseStatus[] = [CaseStatus.PLANNING, CaseStatus.ACTIVE];

@Injectable()
export class ClientPlanCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** A new version of the case's plan; earlier versions stay as they were. Publishes ClientPlanMade (counts, no texts). */
  make(caseId: string, input: ClientPlanVersionInput, identity: UserIdentity, correlationId: string): Promise<ClientPlanEntity> {
    const plan = validateClientPlanVersion(input);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('No case with that id', { caseId });
      if (!PLANNABLE.includes(found.status)) throw conflict(`A client plan is made after the service need assessment; the case is ${found.status}`, { status: found.status });
      if (plan.planDate > todayInFinland()) throw badInput('planDate must not be in the future', { field: 'planDate' });
      const latest = await manager.getRepository(ClientPlanEntity).findOne({ where: { caseId }, order: { version: 'DESC' } });
      if (latest && plan.planDate < latest.planDate) throw badInput(`planDate must not be before the previous version's (${latest.planDate})`, { field: 'planDate' });
      const row = manager.create(ClientPlanEntity, {
        id: randomUUID(),
        caseId,
        clientId: found.clientId,
        version: (latest?.version ?? 0) + 1,
        ...plan,
        madeAt: new Date(),
        madeBy: identity.userId,
      });
      await manager.insert(ClientPlanEntity, row);
      await this.events.publish(
        manager,
        ClientPlanMade,
        {
          planId: row.id,
          caseId,
          clientId: row.clientId,
          version: row.version,
          planDate: row.planDate,
          reviewDate: row.reviewDate,
          goalCount: row.goals.length,
          goalsSetByClient: row.goals.filter((goal) => goal.setByClient).length,
          measureCount: row.measures.length,
          madeAt: row.madeAt.toISOString(),
        },
        { subject: row.clientId, correlationId },
      );
      return row;
    });
  }

  /** Goal attainment at a review: one attainment per goal of that plan version. Publishes ClientPlanReviewed. */
  review(
    planId: string,
    input: { reviewedOn: string; attainments: GoalAttainment[] },
    identity: UserIdentity,
    correlationId: string,
  ): Promise<{ review: ClientPlanReviewEntity; clientId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.getRepository(ClientPlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_read' } });
      if (!plan) throw notFound('No client plan with that id', { planId });
      const status = (await manager.getRepository(CaseEntity).findOneByOrFail({ id: plan.caseId })).status;
      if (status === CaseStatus.CLOSED) throw conflict('The case is closed', { status });
      const reviewedOn = stepDate('reviewedOn', input.reviewedOn, plan.planDate, todayInFinland());
      if ((input.attainments ?? []).length !== plan.goals.length) {
        throw badInput(`attainments must give one value per goal (${plan.goals.length})`, { field: 'attainments' });
      }
      const summary = summariseGoalAttainment(input.attainments);
      const row = manager.create(ClientPlanReviewEntity, {
        id: randomUUID(),
        planId,
        reviewedOn,
        attainments: [...input.attainments],
        overall: summary.overall,
        reviewedAt: new Date(),
        reviewedBy: identity.userId,
      });
      await manager.insert(ClientPlanReviewEntity, row);
      await this.events.publish(
        manager,
        ClientPlanReviewed,
        {
          reviewId: row.id,
          planId,
          caseId: plan.caseId,
          clientId: plan.clientId,
          reviewedOn,
          attainments: row.attainments,
          overall: summary.overall,
          achievedShare: summary.achievedShare,
          reviewedAt: row.reviewedAt.toISOString(),
        },
        { subject: plan.clientId, correlationId },
      );
      return { review: row, clientId: plan.clientId };
    });
  }
}
