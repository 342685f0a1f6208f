import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { LocalDate, parseLocalDate, todayInFinland } from '@asw/calendar';
import { EventPublisher, IncomeSupportPaymentChanged } from '@asw/events';
import { badInput, conflict, notFound } from '@asw/platform';
import { parseId } from '@asw/subgraph';
import { DecisionLineEntity, IncomeSupportDecisionEntity } from '../decisions/income-support-decision.entity';
import type { Payee } from '../domain';
import { buildPain001, Pain001Debtor } from './pain001';
import { PAYMENT_DEBTOR } from './payments.config';
import { IncomeSupportPaymentEntity, PaymentBatchEntity } from './payment.entity';
import { PayeeAccount, paymentDifferences, planPayments } from './payment.rules';

export interface SchedulePaymentsInput {
  decisionId: string;
  dueOn: string;
  accounts: PayeeAccount[];
}

const compact = (uuid: string) => uuid.replace(/-/g, '');

/** Maksatus: payments per granted line, then pain.001 batches; each step validated, then written in one transaction with its events. */
@Injectable()
export class PaymentsCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    @Inject(PAYMENT_DEBTOR) private readonly debtor: Pain001Debtor,
  ) {}

  /**
   * One payment per granted line of a decision in force. Asking again returns the payments already
   * made (the line is the unique key): a line is never paid twice, whatever the retry.
   */
  async schedule(input: SchedulePaymentsInput, user: UserIdentity, correlationId: string): Promise<IncomeSupportPaymentEntity[]> {
    const decisionId = parseId(input.decisionId, 'decisionId');
    const dueOn = parseLocalDate(input.dueOn, 'dueOn');
    return this.dataSource.transaction(async (manager) => {
      const decision = await manager.findOne(IncomeSupportDecisionEntity, { where: { id: decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!decision) throw notFound('No income support decision with that id', { reason: 'DECISION_NOT_FOUND', field: 'input.decisionId' });
      const lines = await manager.find(DecisionLineEntity, { where: { decisionId }, order: { position: 'ASC' } });
      const planned = planPayments(lines, input.accounts);
      const existing = await manager.find(IncomeSupportPaymentEntity, { where: { decisionId }, order: { linePosition: 'ASC' } });
      if (existing.length > 0) {
        // The same request again is answered with the same payments; a different one is refused, naming what differs.
        const differs = paymentDifferences(existing, planned, dueOn);
        if (differs.length > 0) throw conflict('Payments for this decision are already scheduled with other details', { reason: 'PAYMENTS_ALREADY_SCHEDULED', differs: differs.join(', ') });
        return existing;
      }
      if (decision.supersededById) throw conflict('This decision was corrected; pay the correction', { reason: 'DECISION_SUPERSEDED', supersededById: decision.supersededById });
      if (dueOn < decision.decidedOn) throw badInput('dueOn must not be before the decision day', { reason: 'DUE_BEFORE_DECISION', field: 'input.dueOn' });
      const now = new Date();
      const rows = planned.map((plan) =>
        manager.create(IncomeSupportPaymentEntity, { id: randomUUID(), decisionId, clientId: decision.clientId, ...plan, payee: plan.payee as Payee, dueOn, status: 'SCHEDULED', batchId: null, createdBy: user.userId, createdAt: now }),
      );
      // The unique (decision, line) key refuses a second payment for a line even from a concurrent request.
      await manager.insert(IncomeSupportPaymentEntity, rows);
      for (const row of rows) await this.publish(manager, row, decision.applicationId, now, correlationId);
      return rows;
    });
  }

  /** Maksuaineisto: every scheduled payment due by `executionDate` into one pain.001.001.09 credit transfer. */
  async batch(input: { executionDate: string }, user: UserIdentity, correlationId: string): Promise<{ batch: PaymentBatchEntity; payments: IncomeSupportPaymentEntity[] }> {
    const executionDate = parseLocalDate(input.executionDate, 'executionDate');
    if (executionDate < todayInFinland()) throw badInput('executionDate must not be in the past', { reason: 'EXECUTION_IN_PAST', field: 'input.executionDate' });
    return this.dataSource.transaction(async (manager) => {
      const payments = await manager.find(IncomeSupportPaymentEntity, {
        where: { status: 'SCHEDULED', dueOn: LessThanOrEqual(executionDate) },
        order: { dueOn: 'ASC', createdAt: 'ASC', linePosition: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (payments.length === 0) throw conflict('No scheduled payments are due by that date', { reason: 'NOTHING_TO_BATCH' });
      const id = randomUUID();
      const createdAt = new Date();
      const messageId = compact(id);
      const document = buildPain001({
        messageId,
        createdAt,
        requestedExecutionDate: executionDate,
        debtor: this.debtor,
        // The remittance names the decision, not the person: the bank file says no more than it must.
        transfers: payments.map((payment) => ({
          endToEndId: compact(payment.id),
          amountCents: payment.amountCents,
          creditorName: payment.creditorName,
          creditorIban: payment.creditorIban,
          remittance: `Toimeentulotuki / Utkomststod ${compact(payment.decisionId)}`,
        })),
      });
      const batch = manager.create(PaymentBatchEntity, {
        id,
        messageId,
        requestedExecutionDate: executionDate,
        numberOfTransactions: payments.length,
        controlSumCents: payments.reduce((sum, payment) => sum + payment.amountCents, 0),
        document,
        createdBy: user.userId,
        createdAt,
      });
      await manager.insert(PaymentBatchEntity, batch);
      await manager.update(IncomeSupportPaymentEntity, { id: In(payments.map((payment) => payment.id)) }, { status: 'BATCHED', batchId: id });
      const decisions = await manager.find(IncomeSupportDecisionEntity, { where: { id: In([...new Set(payments.map((payment) => payment.decisionId))]) }, select: { id: true, applicationId: true } });
      const applicationOf = new Map(decisions.map((decision) => [decision.id, decision.applicationId]));
      for (const payment of payments) {
        Object.assign(payment, { status: 'BATCHED', batchId: id });
        await this.publish(manager, payment, applicationOf.get(payment.decisionId)!, createdAt, correlationId);
      }
      return { batch, payments };
    });
  }

  private publish(manager: EntityManager, payment: IncomeSupportPaymentEntity, applicationId: string, at: Date, correlationId: string): Promise<unknown> {
    return this.events.publish(
      manager,
      IncomeSupportPaymentChanged,
      {
        paymentId: payment.id,
        decisionId: payment.decisionId,
        applicationId,
        clientId: payment.clientId,
        linePosition: payment.linePosition,
        payee: payment.payee,
        amountCents: payment.amountCents,
        dueOn: payment.dueOn as LocalDate,
        status: payment.status,
        batchId: payment.batchId,
        changedAt: at.toISOString(),
      },
      { subject: payment.clientId, correlationId },
    );
  }
}
