import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { CaseClosed, CaseOpened, CaseStatusChanged, EventPublisher, ResponsibleWorkerAssigned } from '@asw/events';
import { ageOn } from '@asw/personal-identity-code';
import { badInput, conflict, notFound } from '@asw/platform';
import { caseRelationshipsChanged, loadCaseRelationships, openerIsCaseOnly } from '@asw/subgraph';
import { ClientEntity } from '../clients/client.entity';
import { CASE_SETTINGS, CaseSettings } from '../config/case.config';
import {
  assertClosing,
  assertEnumValue,
  assertNamedWorkerQualified,
  assertNoOpenCase,
  assertTransition,
  AssessmentCompletionInput,
  CaseActivationBasis,
  CaseClosing,
  CaseStatus,
  isOpen,
  validateAssessmentCompletion,
} from '../domain';
import { ClientPlanEntity } from '../plans/client-plan.entity';
import { WorkerEntity } from '../workers/worker.entity';
import { CaseCoWorkerEntity, CaseEntity, CaseStatusChangeEntity } from './case.entity';
import { assessmentDueDates, CaseOpening, CaseOpeningInput, RoutingFindings, stepDate, validateCaseOpening, validateRoutingFindings } from './case.rules';

export interface Actor {
  /** Who did it, as the status history records it: the user id, or the producing service for events. */
  id: string;
  /** A worker signed in (`id` is their user id), not an event. */
  byUser: boolean;
  correlationId: string;
}

export const actorOf = (identity: UserIdentity, correlationId: string): Actor => ({ id: identity.userId, byUser: true, correlationId });

/**
 * The case lifecycle (SHL §§34–42) as use cases. Each validates first, then, in one transaction, locks
 * the case, checks the transition against the state machine, writes the change with its timestamped
 * history row and publishes the event through the outbox.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    @Inject(CASE_SETTINGS) private readonly settings: CaseSettings,
  ) {}

  async open(clientId: string, input: CaseOpeningInput, identity: UserIdentity, correlationId: string): Promise<CaseEntity> {
    const opening = validateCaseOpening(input, todayInFinland(), identity.team);
    return this.dataSource.transaction(async (manager) => {
      // Opening opens this case only when the client already has cases the opener does not work on.
      const clientWide = !openerIsCaseOnly(identity, await loadCaseRelationships(manager, [clientId]));
      return this.openIn(manager, clientId, opening, null, actorOf(identity, correlationId), clientWide);
    });
  }

  /** Opens a case inside the caller's transaction (also the Kela notice consumer's way in). */
  async openIn(manager: EntityManager, clientId: string, opening: CaseOpening, kelaNoticeId: string | null, actor: Actor, clientWide = true): Promise<CaseEntity> {
    // Locking the client serialises case openings per client, so "one open case per task" holds under concurrency.
    const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
    if (!client) throw notFound('No client with that id', { clientId });
    assertNoOpenCase(await manager.getRepository(CaseEntity).find({ where: { clientId } }), opening.serviceTask);
    const now = new Date();
    const row = manager.create(CaseEntity, {
      id: randomUUID(),
      clientId,
      ...opening,
      ...assessmentDueDates(opening.initiatedOn, this.settings),
      status: CaseStatus.INITIATED,
      openedAt: now,
      openedBy: actor.byUser ? actor.id : null,
      clientWide,
      statusChangedAt: now,
      kelaNoticeId,
    });
    await manager.save(row);
    await this.recordChange(manager, row, null, actor);
    await this.events.publish(
      manager,
      CaseOpened,
      {
        caseId: row.id,
        clientId,
        serviceTask: row.serviceTask,
        initiationChannel: row.initiationChannel,
        urgent: row.urgent,
        openedAt: now.toISOString(),
        kelaNoticeId,
      },
      { subject: clientId, correlationId: actor.correlationId },
    );
    await this.relationshipsChanged(manager, row, actor);
    return row;
  }

  /** Palvelutarpeen arviointi alkaa (§36): INITIATED → ASSESSMENT. */
  startAssessment(caseId: string, startedOn: string | null | undefined, actor: Actor): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      assertTransition(row.status, CaseStatus.ASSESSMENT);
      row.assessmentStartedOn = stepDate('startedOn', startedOn, row.initiatedOn, todayInFinland());
      return this.moveTo(manager, row, CaseStatus.ASSESSMENT, actor);
    });
  }

  /** Palvelutarpeen arviointi valmis (§36): records the findings, ASSESSMENT → PLANNING. */
  completeAssessment(
    caseId: string,
    input: AssessmentCompletionInput & { completedOn?: string | null; findings: Partial<RoutingFindings> },
    actor: Actor,
  ): Promise<CaseEntity> {
    const completion = validateAssessmentCompletion(input);
    const findings = validateRoutingFindings(input.findings);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      assertTransition(row.status, CaseStatus.PLANNING);
      const completedOn = stepDate('completedOn', input.completedOn, row.assessmentStartedOn ?? row.initiatedOn, todayInFinland());
      const client = await manager.getRepository(ClientEntity).findOneByOrFail({ id: row.clientId });
      Object.assign(row, {
        assessmentCompletedOn: completedOn,
        assessmentSummary: completion.summary,
        supportNeeds: completion.supportNeeds,
        specialSupportNeeded: completion.specialSupportNeeded,
        routingFindings: findings,
        ageAtAssessment: ageOn(client.dateOfBirth, completedOn),
      });
      await this.assertNamedWorkerStillQualified(manager, row);
      return this.moveTo(manager, row, CaseStatus.PLANNING, actor);
    });
  }

  /** Services under way (§39): PLANNING → ACTIVE, with why no plan is needed or that one was made. */
  activate(caseId: string, basis: CaseActivationBasis, actor: Actor): Promise<CaseEntity> {
    const activationBasis = assertEnumValue('basis', CaseActivationBasis, basis);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      assertTransition(row.status, CaseStatus.ACTIVE);
      if (activationBasis === CaseActivationBasis.PLAN_MADE && !(await manager.getRepository(ClientPlanEntity).existsBy({ caseId: row.id }))) {
        throw conflict('No client plan is recorded for this case: make the plan first, or activate with PLAN_CLEARLY_UNNECESSARY (SHL §39)', { basis: activationBasis });
      }
      row.activationBasis = activationBasis;
      return this.moveTo(manager, row, CaseStatus.ACTIVE, actor);
    });
  }

  /** Asiakkuuden päättäminen (§34) with a reason; publishes CaseClosed so other services end what is open. */
  close(caseId: string, closing: CaseClosing, actor: Actor): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      const { reason, note } = assertClosing(row.status, closing);
      row.closingReason = reason;
      row.closingNote = note;
      const from = row.status;
      row.status = CaseStatus.CLOSED;
      row.statusChangedAt = new Date();
      await manager.save(row);
      await this.recordChange(manager, row, from, actor);
      const otherOpen = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .where('c.client_id = :clientId AND c.id <> :id AND c.status <> :closed', { clientId: row.clientId, id: row.id, closed: CaseStatus.CLOSED })
        .getCount();
      await this.events.publish(
        manager,
        CaseClosed,
        { caseId: row.id, clientId: row.clientId, serviceTask: row.serviceTask, reason, closedAt: row.statusChangedAt.toISOString(), clientHasOtherOpenCases: otherOpen > 0 },
        { subject: row.clientId, correlationId: actor.correlationId },
      );
      await this.relationshipsChanged(manager, row, actor);
      return row;
    });
  }

  /** Omatyöntekijä (§42): a social worker or instructor; with special support, a social worker must be on the case. */
  /**
   * `widen`: the assigner reaches the client's records client-wide, so a case opened on intake only
   * becomes an ordinary case of the client (its workers then reach the client's other records).
   */
  assignResponsibleWorker(caseId: string, workerId: string, coWorkerIds: readonly string[], actor: Actor, widen = false): Promise<CaseEntity> {
    const coWorkers = [...new Set(coWorkerIds.map((id) => id.toLowerCase()))];
    if (coWorkers.includes(workerId)) throw badInput('The named worker cannot also be a co-worker', { field: 'coWorkerIds' });
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      if (row.status === CaseStatus.CLOSED) throw conflict('A closed case cannot change; start a new case instead', { status: row.status });
      const workers = await manager.getRepository(WorkerEntity).findBy({ id: In([workerId, ...coWorkers]) });
      const byId = new Map(workers.map((worker) => [worker.id, worker]));
      const missing = [workerId, ...coWorkers].find((id) => !byId.has(id));
      if (missing) throw notFound('No worker with that id', { workerId: missing });
      const named = byId.get(workerId)!;
      assertNamedWorkerQualified({
        specialSupportNeeded: row.specialSupportNeeded === true,
        namedWorkerRole: named.role,
        coWorkerRoles: coWorkers.map((id) => byId.get(id)!.role),
      });
      row.responsibleWorkerId = workerId;
      if (widen) row.clientWide = true;
      await manager.save(row);
      await manager.delete(CaseCoWorkerEntity, { caseId: row.id });
      if (coWorkers.length > 0) await manager.insert(CaseCoWorkerEntity, coWorkers.map((id) => ({ caseId: row.id, workerId: id })));
      await this.events.publish(
        manager,
        ResponsibleWorkerAssigned,
        { caseId: row.id, clientId: row.clientId, workerId, workerRole: named.role, coWorkerIds: coWorkers, assignedAt: new Date().toISOString() },
        { subject: row.clientId, correlationId: actor.correlationId },
      );
      await this.relationshipsChanged(manager, row, actor);
      return row;
    });
  }

  /** Completing an assessment that finds special support needs must not leave the case without a social worker (§42). */
  private async assertNamedWorkerStillQualified(manager: EntityManager, row: CaseEntity): Promise<void> {
    if (!row.specialSupportNeeded || !row.responsibleWorkerId) return;
    const coWorkerIds = (await manager.getRepository(CaseCoWorkerEntity).findBy({ caseId: row.id })).map((c) => c.workerId);
    const workers = await manager.getRepository(WorkerEntity).findBy({ id: In([row.responsibleWorkerId, ...coWorkerIds]) });
    const roleOf = new Map(workers.map((worker) => [worker.id, worker.role]));
    assertNamedWorkerQualified({
      specialSupportNeeded: true,
      namedWorkerRole: roleOf.get(row.responsibleWorkerId)!,
      coWorkerRoles: coWorkerIds.map((id) => roleOf.get(id)!),
    });
  }

  /**
   * Who works on the case now (PRODUCT.md "Who may do what"): the named worker, the co-workers and the
   * worker who opened it, as the user ids their tokens carry; recorded for this service's access checks
   * and published to the others, in the change's transaction. Called on every change of the named
   * worker, the co-workers or whether the case is open.
   */
  private async relationshipsChanged(manager: EntityManager, row: CaseEntity, actor: Actor): Promise<void> {
    const coWorkerIds = (await manager.getRepository(CaseCoWorkerEntity).findBy({ caseId: row.id })).map((c) => c.workerId);
    const workerIds = [...(row.responsibleWorkerId ? [row.responsibleWorkerId] : []), ...coWorkerIds];
    const workers = workerIds.length > 0 ? await manager.getRepository(WorkerEntity).findBy({ id: In(workerIds) }) : [];
    const userIdOf = new Map(workers.map((worker) => [worker.id, worker.userId]));
    const coWorkers = [...coWorkerIds.map((id) => userIdOf.get(id)!), ...(row.openedBy ? [row.openedBy] : [])];
    await caseRelationshipsChanged(
      manager,
      this.events,
      {
        caseId: row.id,
        clientId: row.clientId,
        team: row.team,
        open: isOpen(row.status),
        namedWorker: row.responsibleWorkerId ? userIdOf.get(row.responsibleWorkerId)! : null,
        coWorkers: [...new Set(coWorkers)].sort(),
        clientWide: row.clientWide,
        changedAt: new Date().toISOString(),
      },
      actor.correlationId,
    );
  }

  private async lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity> {
    const row = await manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('No case with that id', { caseId });
    return row;
  }

  private async moveTo(manager: EntityManager, row: CaseEntity, to: CaseStatus, actor: Actor): Promise<CaseEntity> {
    const from = row.status;
    row.status = to;
    row.statusChangedAt = new Date();
    await manager.save(row);
    await this.recordChange(manager, row, from, actor);
    await this.events.publish(
      manager,
      CaseStatusChanged,
      { caseId: row.id, clientId: row.clientId, from, to, changedAt: row.statusChangedAt.toISOString() },
      { subject: row.clientId, correlationId: actor.correlationId },
    );
    return row;
  }

  private async recordChange(manager: EntityManager, row: CaseEntity, from: CaseStatus | null, actor: Actor): Promise<void> {
    await manager.insert(CaseStatusChangeEntity, { id: randomUUID(), caseId: row.id, fromStatus: from, toStatus: row.status, changedAt: row.statusChangedAt, changedBy: actor.id });
  }
}
