import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { appealArrival, AppealResolution, AppealStatus, checkAppealResolution, DeliveryMethod, LocalDate, parseLocalDate, recordedDelivery, todayInFinland } from '@asw/calendar';
import { conflict, notFound } from '@asw/platform';
import { parseId } from '@asw/subgraph';
import { IncomeSupportDecisionAppealEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionEntity } from './income-support-decision.entity';

export interface DeliveryInput {
  method: DeliveryMethod;
  sentOn: string;
  receivedOn?: string | null;
}

/**
 * Records the delivery (tiedoksianto) of a decision in the caller's transaction, once; the decision row
 * must be locked by the caller. The receipt day and the appeal deadline follow the method (the rules in
 * libs/calendar delivery.ts, the same as for service decisions).
 */
export async function insertDelivery(
  manager: EntityManager,
  decision: Pick<IncomeSupportDecisionEntity, 'id' | 'decidedOn'>,
  input: DeliveryInput,
  userId: string,
  today: LocalDate,
): Promise<IncomeSupportDecisionDeliveryEntity> {
  const delivery = recordedDelivery(decision.decidedOn, input, today);
  const existing = await manager.findOne(IncomeSupportDecisionDeliveryEntity, { where: { decisionId: decision.id } });
  if (existing) throw conflict('The delivery of this decision is already recorded', { reason: 'DELIVERY_ALREADY_RECORDED' });
  const row = manager.create(IncomeSupportDecisionDeliveryEntity, { decisionId: decision.id, ...delivery, recordedBy: userId, recordedAt: new Date() });
  await manager.insert(IncomeSupportDecisionDeliveryEntity, row);
  return row;
}

async function lockDecision(manager: EntityManager, decisionId: string): Promise<IncomeSupportDecisionEntity> {
  const decision = await manager.findOne(IncomeSupportDecisionEntity, { where: { id: decisionId }, lock: { mode: 'pessimistic_write' } });
  if (!decision) throw notFound('No income support decision with that id', { reason: 'DECISION_NOT_FOUND', field: 'decisionId' });
  return decision;
}

/** Tiedoksianto and oikaisuvaatimus of an income-support decision: validated, then written in one transaction. */
@Injectable()
export class IncomeSupportDecisionDeliveryCommands {
  constructor(private readonly dataSource: DataSource) {}

  recordDelivery(decisionId: string, input: DeliveryInput, user: UserIdentity): Promise<IncomeSupportDecisionDeliveryEntity> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    return this.dataSource.transaction(async (manager) => insertDelivery(manager, await lockDecision(manager, id), input, user.userId, today));
  }

  /** A request for review arrived: recorded whether or not in time (a late one is recorded and not examined). */
  recordAppeal(decisionId: string, input: { receivedOn: string }, user: UserIdentity): Promise<IncomeSupportDecisionAppealEntity> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    parseLocalDate(input.receivedOn, 'receivedOn');
    return this.dataSource.transaction(async (manager) => {
      const decision = await lockDecision(manager, id);
      const delivery = await manager.findOne(IncomeSupportDecisionDeliveryEntity, { where: { decisionId: id } });
      const arrival = appealArrival(input, decision, delivery, today);
      const row = manager.create(IncomeSupportDecisionAppealEntity, {
        id: randomUUID(),
        decisionId: id,
        applicationId: decision.applicationId,
        clientId: decision.clientId,
        ...arrival,
        status: AppealStatus.PENDING,
        resolution: null,
        resolvedOn: null,
        newDecisionId: null,
        recordedBy: user.userId,
        recordedAt: new Date(),
      });
      await manager.insert(IncomeSupportDecisionAppealEntity, row);
      return row;
    });
  }

  /** Handles a request for review to its end: rejected, not examined (late), or changed by a correction on the same application. */
  resolveAppeal(appealId: string, input: { resolution: AppealResolution; resolvedOn: string; newDecisionId?: string | null }): Promise<IncomeSupportDecisionAppealEntity> {
    const id = parseId(appealId, 'appealId');
    const resolvedOn = parseLocalDate(input.resolvedOn, 'resolvedOn');
    const newDecisionId = input.newDecisionId == null ? null : parseId(input.newDecisionId, 'newDecisionId');
    const today = todayInFinland();
    return this.dataSource.transaction(async (manager) => {
      const appeal = await manager.findOne(IncomeSupportDecisionAppealEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!appeal) throw notFound('No request for review with that id', { reason: 'APPEAL_NOT_FOUND', field: 'appealId' });
      const newDecision = newDecisionId === null ? null : await manager.findOne(IncomeSupportDecisionEntity, { where: { id: newDecisionId } });
      if (newDecisionId !== null && !newDecision) throw notFound('No income support decision with that id', { reason: 'DECISION_NOT_FOUND', field: 'input.newDecisionId' });
      checkAppealResolution(
        { ...appeal, matterId: appeal.applicationId },
        {
          resolution: input.resolution,
          resolvedOn,
          newDecision: newDecision && { id: newDecision.id, matterId: newDecision.applicationId, decidedOn: newDecision.decidedOn },
          today,
          matter: 'application',
        },
      );
      Object.assign(appeal, { status: AppealStatus.RESOLVED, resolution: input.resolution, resolvedOn, newDecisionId });
      await manager.update(IncomeSupportDecisionAppealEntity, { id }, { status: appeal.status, resolution: appeal.resolution, resolvedOn, newDecisionId });
      return appeal;
    });
  }
}
