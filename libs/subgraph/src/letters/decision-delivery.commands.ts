import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { appealArrival, AppealResolution, AppealStatus, checkAppealResolution, DeliveryMethod, LocalDate, parseLocalDate, recordedDelivery, todayInFinland } from '@asw/calendar';
import { conflict, notFound } from '@asw/platform';
import { parseId } from '../ids';
import type { DecisionAppealColumns, DecisionDeliveryColumns } from './decision-delivery';

export interface DeliveryInput {
  method: DeliveryMethod;
  sentOn: string;
  receivedOn?: string | null;
}

/** What delivery and appeals need of a deciding service's decision row. */
export interface DeliverableDecision {
  id: string;
  clientId: string;
  decidedOn: LocalDate | string;
}

/**
 * A deciding service's tables for decisions, their delivery and their requests for review, and the
 * matter a decision is in (a case; an income-support application): the field decisions and appeals both
 * name it by, and what it is called in refusals.
 */
export interface DecisionDocumentTables<D extends DeliverableDecision, V extends DecisionDeliveryColumns, A extends DecisionAppealColumns> {
  decision: EntityTarget<D>;
  delivery: EntityTarget<V>;
  appeal: EntityTarget<A>;
  matterField: keyof D & keyof A & string;
  matter: string;
  /** The decision as refusals name it ("service decision", "income support decision"). */
  decisionName: string;
}

/**
 * Records the delivery (tiedoksianto) of a decision in the caller's transaction, once; the decision row
 * must be locked by the caller. The receipt day and the appeal deadline follow the method (libs/calendar
 * delivery.ts).
 */
export async function insertDelivery<D extends DeliverableDecision, V extends DecisionDeliveryColumns, A extends DecisionAppealColumns>(
  manager: EntityManager,
  tables: DecisionDocumentTables<D, V, A>,
  decision: D,
  input: DeliveryInput,
  userId: string,
  today: LocalDate,
): Promise<V> {
  const delivery = recordedDelivery(decision.decidedOn, input, today);
  const existing = await manager.findOne(tables.delivery, { where: { decisionId: decision.id } as FindOptionsWhere<V> });
  if (existing) throw conflict('The delivery of this decision is already recorded', { reason: 'DELIVERY_ALREADY_RECORDED' });
  const row = manager.create(tables.delivery, { decisionId: decision.id, ...delivery, recordedBy: userId, recordedAt: new Date() } as unknown as V);
  await manager.insert(tables.delivery, row as never);
  return row;
}

/**
 * Tiedoksianto and oikaisuvaatimus of a signed decision, the same in every deciding service (a service
 * decision in case, an income-support decision in benefits-handling): validated, then written in one
 * transaction. The rules are libs/calendar's (delivery.ts, appeal.ts).
 */
export class DecisionDocumentCommands<D extends DeliverableDecision, V extends DecisionDeliveryColumns, A extends DecisionAppealColumns> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: DecisionDocumentTables<D, V, A>,
  ) {}

  recordDelivery(decisionId: string, input: DeliveryInput, user: UserIdentity): Promise<V> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    return this.dataSource.transaction(async (manager) => insertDelivery(manager, this.tables, await this.lockDecision(manager, id), input, user.userId, today));
  }

  /** A request for review arrived: recorded whether or not in time (a late one is recorded and not examined). */
  recordAppeal(decisionId: string, input: { receivedOn: string }, user: UserIdentity): Promise<A> {
    const id = parseId(decisionId, 'decisionId');
    const today = todayInFinland();
    parseLocalDate(input.receivedOn, 'receivedOn');
    const { appeal, delivery, matterField } = this.tables;
    return this.dataSource.transaction(async (manager) => {
      const decision = await this.lockDecision(manager, id);
      const delivered = await manager.findOne(delivery, { where: { decisionId: id } as FindOptionsWhere<V> });
      const row = manager.create(appeal, {
        id: randomUUID(),
        decisionId: id,
        [matterField]: decision[matterField],
        clientId: decision.clientId,
        ...appealArrival(input, decision, delivered, today),
        status: AppealStatus.PENDING,
        resolution: null,
        resolvedOn: null,
        newDecisionId: null,
        recordedBy: user.userId,
        recordedAt: new Date(),
      } as unknown as A);
      await manager.insert(appeal, row as never);
      return row;
    });
  }

  /** Handles a request for review to its end: rejected, not examined (late), or changed by a new decision in the same matter. */
  resolveAppeal(appealId: string, input: { resolution: AppealResolution; resolvedOn: string; newDecisionId?: string | null }): Promise<A> {
    const id = parseId(appealId, 'appealId');
    const resolvedOn = parseLocalDate(input.resolvedOn, 'resolvedOn');
    const newDecisionId = input.newDecisionId == null ? null : parseId(input.newDecisionId, 'newDecisionId');
    const today = todayInFinland();
    const { appeal: appeals, decision: decisions, matterField, matter } = this.tables;
    return this.dataSource.transaction(async (manager) => {
      const appeal = await manager.findOne(appeals, { where: { id } as FindOptionsWhere<A>, lock: { mode: 'pessimistic_write' } });
      if (!appeal) throw notFound('No request for review with that id', { reason: 'APPEAL_NOT_FOUND', field: 'appealId' });
      const newDecision = newDecisionId === null ? null : await manager.findOne(decisions, { where: { id: newDecisionId } as FindOptionsWhere<D> });
      if (newDecisionId !== null && !newDecision) throw notFound(`No ${this.tables.decisionName} with that id`, { reason: 'DECISION_NOT_FOUND', field: 'input.newDecisionId' });
      checkAppealResolution(
        { ...appeal, matterId: String(appeal[matterField]) },
        {
          resolution: input.resolution,
          resolvedOn,
          newDecision: newDecision && { id: newDecision.id, matterId: String(newDecision[matterField]), decidedOn: newDecision.decidedOn },
          today,
          matter,
        },
      );
      const resolved = { status: AppealStatus.RESOLVED, resolution: input.resolution, resolvedOn, newDecisionId };
      await manager.update(appeals, { id } as FindOptionsWhere<A>, resolved as never);
      return Object.assign(appeal, resolved);
    });
  }

  private async lockDecision(manager: EntityManager, decisionId: string): Promise<D> {
    const decision = await manager.findOne(this.tables.decision, { where: { id: decisionId } as FindOptionsWhere<D>, lock: { mode: 'pessimistic_write' } });
    if (!decision) throw notFound(`No ${this.tables.decisionName} with that id`, { reason: 'DECISION_NOT_FOUND', field: 'decisionId' });
    return decision;
  }
}
