import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { appealArrival, AppealResolution, AppealStatus, checkAppealResolution, DeliveryMethod, LocalDate, parseLocalDate, recordedDelivery, todayInFinland } from '@asw/calendar';
import { conflict, notFound } from '@asw/platform';
import { parseId } from '@asw/subgraph';
import { ServiceDecisionAppealEntity, ServiceDecisionDeliveryEntity } from './decision-documents.entity';
import { ServiceDecisionEntity } from './service-decision.entity';

export interface DeliveryInput {
  method: DeliveryMethod;
  sentOn: string;
  receivedOn?: string | null;
}

/** Records the delivery in the caller's transaction; the decision row must be locked by the caller. */
export async function insertDelivery(manager: EntityManager, decision: ServiceDecisionEntity, input: DeliveryInput, userId: string, today: LocalDate): Promise<ServiceDecisionDeliveryEntity> {
  const delivery = recordedDelivery(decision.decidedOn, input, today);
  const existing = await manager.findOne(ServiceDecisionDeliveryEntity, { where: { decisionId: decision.id } });
  if (existing) throw conflict('The delivery of this decision is already recorded', { reason: 'DELIVERY_ALREADY_RECORDED' });
  const row = manager.create(ServiceDecisionDeliveryEntity, { decisionId: decision.id, ...delivery, recordedBy: userId, recordedAt: new Date() });
  await manager.insert(ServiceDecisionDeliveryEntity, row);
  return row;
}

async function lockDecision(manager: EntityManager, decisionId: string): Promise<ServiceDecisionEntity> {
  const decision = await manager.findOne(ServiceDecisionEntity, { where: { id: decisionId }, lock: { mode: 'pessimistic_write' } });
  if (!decision) throw notFound('No service decision with that id', { reason: 'DECISION_NOT_FOUND', field: 'decisionId' });
  return decision;
}

/** Tiedoksianto and oikaisuvaatimus on a signed service decision: validated, then written in one transaction. */
@Injectable()
export class DecisionDeliveryCommands {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  recordDelivery(decisionId: string, input: DeliveryInput, user: UserIdentity): Promise<ServiceDecisionDeliveryEntity> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    return this.dataSource.transaction(async (manager) => insertDelivery(manager, await lockDecision(manager, id), input, user.userId, today));
  }

  /** A request for review arrived: recorded whether or not in time (a late one is recorded and not examined). */
  recordAppeal(decisionId: string, input: { receivedOn: string }, user: UserIdentity): Promise<ServiceDecisionAppealEntity> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    parseLocalDate(input.receivedOn, 'receivedOn');
    return this.dataSource.transaction(async (manager) => {
      const decision = await lockDecision(manager, id);
      const delivery = await manager.findOne(ServiceDecisionDeliveryEntity, { where: { decisionId: id } });
      const arrival = appealArrival(input, decision, delivery, today);
      const row = manager.create(ServiceDecisionAppealEntity, {
        id: randomUUID(),
        decisionId: id,
        caseId: decision.caseId,
        clientId: decision.clientId,
        ...arrival,
        status: AppealStatus.PENDING,
        resolution: null,
        resolvedOn: null,
        newDecisionId: null,
        recordedBy: user.userId,
        recordedAt: new Date(),
      });
      await manager.insert(ServiceDecisionAppealEntity, row);
      return row;
    });
  }

  resolveAppeal(appealId: string, input: { resolution: AppealResolution; resolvedOn: string; newDecisionId?: string | null }): Promise<ServiceDecisionAppealEntity> {
    const id = parseId(appealId, 'appealId');
    const resolvedOn = parseLocalDate(input.resolvedOn, 'resolvedOn');
    const newDecisionId = input.newDecisionId == null ? null : parseId(input.newDecisionId, 'newDecisionId');
    const today = todayInFinland();
    return this.dataSource.transaction(async (manager) => {
      const appeal = await manager.findOne(ServiceDecisionAppealEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!appeal) throw notFound('No request for review with that id', { reason: 'APPEAL_NOT_FOUND', field: 'appealId' });
      const newDecision = newDecisionId === null ? null : await manager.findOne(ServiceDecisionEntity, { where: { id: newDecisionId } });
      if (newDecisionId !== null && !newDecision) throw notFound('No service decision with that id', { reason: 'DECISION_NOT_FOUND', field: 'input.newDecisionId' });
      checkAppealResolution(
        { ...appeal, matterId: appeal.caseId },
        { resolution: input.resolution, resolvedOn, newDecision: newDecision && { id: newDecision.id, matterId: newDecision.caseId, decidedOn: newDecision.decidedOn }, today, matter: 'case' },
      );
      Object.assign(appeal, { status: AppealStatus.RESOLVED, resolution: input.resolution, resolvedOn, newDecisionId });
      await manager.update(ServiceDecisionAppealEntity, { id }, { status: appeal.status, resolution: appeal.resolution, resolvedOn, newDecisionId });
      return appeal;
    });
  }
}
