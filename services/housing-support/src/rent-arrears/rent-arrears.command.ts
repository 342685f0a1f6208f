import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { EventPublisher, RentArrearsReported, RepaymentPlanAgreed } from '@asw/events';
import { conflict, notFound } from '@asw/platform';
import { Instalment, RentArrearsReport, RepaymentPayment, validateArrearsReport, validateRepaymentPlan } from '../domain';
import type { HousingActor } from '../access-policy';
import { RentArrearsEntity, RepaymentInstalmentEntity, RepaymentPaymentEntity } from './rent-arrears.entity';
import { validateRepayment } from './repayment.rules';

/** Vuokrarästit: report, agree a repayment plan, record payments. Each validates, then writes in one transaction. */
@Injectable()
export class RentArrearsCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Reports arrears and announces them: benefits-handling drafts a preventive income support application. */
  report(clientId: string, input: RentArrearsReport, actor: HousingActor): Promise<RentArrearsEntity> {
    const report = validateArrearsReport(input);
    const reportedBy = actor.performedBy;
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(RentArrearsEntity, { id: randomUUID(), clientId, ...report, reportedOn: todayInFinland(), reportedBy: reportedBy.workerId, planAgreedAt: null }),
      );
      await this.events.publish(
        manager,
        RentArrearsReported,
        { rentArrearsId: row.id, clientId, amountCents: row.amountCents, months: row.months, reportedOn: row.reportedOn, reportedBy },
        { subject: clientId, correlationId: actor.correlationId },
      );
      return row;
    });
  }

  /** One plan per arrears: the instalments must clear the arrears exactly. Announced as RepaymentPlanAgreed. */
  agreePlan(rentArrearsId: string, instalments: readonly Instalment[], actor: HousingActor): Promise<RentArrearsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const arrears = await lockArrears(manager, rentArrearsId);
      const plan = validateRepaymentPlan(arrears.amountCents, instalments);
      if (arrears.planAgreedAt) throw conflict('a repayment plan is already agreed for these arrears', { reason: 'PLAN_ALREADY_AGREED' });
      await manager.insert(RepaymentInstalmentEntity, plan.map((i) => ({ arrearsId: arrears.id, ...i })));
      const agreed = await manager.save(Object.assign(arrears, { planAgreedAt: new Date() }));
      await this.events.publish(
        manager,
        RepaymentPlanAgreed,
        {
          rentArrearsId: agreed.id,
          clientId: agreed.clientId,
          instalments: plan.map((i) => ({ dueOn: i.dueOn, amountCents: i.amountCents })),
          agreedAt: agreed.planAgreedAt!.toISOString(),
          agreedBy: actor.performedBy,
        },
        { subject: agreed.clientId, correlationId: actor.correlationId },
      );
      return agreed;
    });
  }

  recordPayment(rentArrearsId: string, payment: RepaymentPayment): Promise<RentArrearsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const arrears = await lockArrears(manager, rentArrearsId);
      const instalments = await manager.findBy(RepaymentInstalmentEntity, { arrearsId: arrears.id });
      const payments = await manager.findBy(RepaymentPaymentEntity, { arrearsId: arrears.id });
      const valid = validateRepayment({ instalments, payments }, payment, todayInFinland());
      await manager.insert(RepaymentPaymentEntity, { id: randomUUID(), arrearsId: arrears.id, ...valid });
      return arrears;
    });
  }
}

async function lockArrears(manager: EntityManager, id: string): Promise<RentArrearsEntity> {
  const row = await manager.findOne(RentArrearsEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound('No rent arrears with that id', { id });
  return row;
}
