import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate, todayInFinland } from '@asw/calendar';
import { ActivationPlanSigned, EventPublisher } from '@asw/events';
import { notFound } from '@asw/platform';
import { ActivationFactsEntity } from '../activation/activation.entity';
import { activationFactsOn, kelaAttestations } from '../activation/activation.rules';
import { ClientEntity } from '../clients/client.entity';
import { activationPlanTrigger } from '../domain';
import { KelaNoticeEntity } from '../kela-notices/kela-notice.entity';
import { ActivationPlanEntity } from './activation-plan.entity';
import { ActivationPlanInput, activationPlanStatus, ActivationPlanStatus, assertShareable, assertSignable, validateActivationPlan } from './activation-plan.rules';

type Side = 'COUNTY' | 'EMPLOYMENT_SERVICES';

@Injectable()
export class ActivationPlanCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** A draft plan for the client, with the activation triggers that hold today (the same rules as Client.activationPlanTrigger). */
  draft(clientId: string, input: ActivationPlanInput, workerId: string): Promise<ActivationPlanEntity> {
    const content = validateActivationPlan(input);
    return this.dataSource.transaction(async (manager) => {
      const client = await manager.getRepository(ClientEntity).findOneBy({ id: clientId });
      if (!client) throw notFound('No client with that id', { clientId });
      const today = todayInFinland();
      const trigger = await this.triggerOn(manager, client, today);
      const row = manager.create(ActivationPlanEntity, {
        id: randomUUID(),
        clientId,
        ...content,
        triggerBasis: trigger.basis,
        triggerRuleSetVersion: trigger.ruleSetVersion,
        draftedAt: new Date(),
        draftedBy: workerId,
        sharedAt: null,
        sharedBy: null,
        countySignedAt: null,
        countySignedBy: null,
        employmentServicesSignedAt: null,
        employmentServicesSignedBy: null,
      });
      await manager.insert(ActivationPlanEntity, row);
      return row;
    });
  }

  /** Shares the plan with one employment-services office or municipality (once). */
  share(planId: string, sharedWith: string, workerId: string): Promise<ActivationPlanEntity> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.locked(manager, planId);
      assertShareable(plan);
      plan.sharedAt = new Date();
      plan.sharedBy = workerId;
      plan.sharedWith = sharedWith;
      await manager.update(ActivationPlanEntity, { id: planId }, { sharedAt: plan.sharedAt, sharedBy: plan.sharedBy, sharedWith });
      return plan;
    });
  }

  /**
   * One side's signature (the county's worker, or employment services' organisation), once each; the
   * plan is in force once both have signed. Publishes ActivationPlanSigned in the same transaction.
   */
  sign(planId: string, side: Side, signedBy: string, correlationId: string): Promise<ActivationPlanEntity> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.locked(manager, planId);
      assertSignable(plan, side);
      const signedAt = new Date();
      const change = side === 'COUNTY' ? { countySignedAt: signedAt, countySignedBy: signedBy } : { employmentServicesSignedAt: signedAt, employmentServicesSignedBy: signedBy };
      Object.assign(plan, change);
      await manager.update(ActivationPlanEntity, { id: planId }, change);
      await this.events.publish(
        manager,
        ActivationPlanSigned,
        {
          planId,
          clientId: plan.clientId,
          signedBy: side,
          status: activationPlanStatus(plan) as Exclude<ActivationPlanStatus, ActivationPlanStatus.DRAFT>,
          validFrom: plan.validFrom,
          validUntil: plan.validUntil,
          signedAt: signedAt.toISOString(),
        },
        { subject: plan.clientId, correlationId },
      );
      return plan;
    });
  }

  private async locked(manager: EntityManager, planId: string): Promise<ActivationPlanEntity> {
    const plan = await manager.getRepository(ActivationPlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw notFound('No activation plan with that id', { field: 'planId' });
    return plan;
  }

  private async triggerOn(manager: EntityManager, client: ClientEntity, on: LocalDate) {
    const recorded = await manager.getRepository(ActivationFactsEntity).findOneBy({ clientId: client.id });
    const notices = await manager.getRepository(KelaNoticeEntity).find({ where: { clientId: client.id }, select: { noticeType: true, receivedAt: true } });
    // Kela notices received by that day attest income support because of unemployment as main income.
    return activationPlanTrigger(activationFactsOn(client.dateOfBirth, on, recorded, kelaAttestations(notices)), on);
  }
}
