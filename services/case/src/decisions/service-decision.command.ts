import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { decisionDayWithinWindow, DeliveryMethod, todayInFinland } from '@asw/calendar';
import type { DecisionIssuingSettings } from '@asw/documents';
import { EventPublisher, ServiceDecisionMade } from '@asw/events';
import { conflict, notFound } from '@asw/platform';
import { insertDelivery } from '@asw/subgraph';
import { CaseEntity } from '../cases/case.entity';
import { stepDate } from '../cases/case.rules';
import { CaseStatus, ServiceDecisionInput, validateServiceDecision, WorkerRole } from '../domain';
import { SERVICE_DECISION_DOCUMENTS } from './decision-delivery.commands';
import { DECISION_ISSUING, DecisionLetterIssuer } from './decision-letter.issuer';
import { ServiceDecisionDraftEntity, ServiceDecisionEntity } from './service-decision.entity';

/** Services are decided after the assessment (§36 → §45): on a case in planning or active. */
const DECIDABLE: readonly CaseStatus[] = [CaseStatus.PLANNING, CaseStatus.ACTIVE];

@Injectable()
export class ServiceDecisionCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly letters: DecisionLetterIssuer,
    @Inject(DECISION_ISSUING) private readonly issuing: DecisionIssuingSettings,
  ) {}

  /** Drafts and signs in one step (the decider writes and signs at once). */
  async execute(
    caseId: string,
    input: ServiceDecisionInput & { decidedOn?: string | null; sentOn?: string | null },
    identity: UserIdentity,
    correlationId: string,
  ): Promise<ServiceDecisionEntity> {
    const decision = validateServiceDecision(input);
    return this.dataSource.transaction((manager) => this.sign(manager, caseId, decision, input, identity, correlationId));
  }

  /** Päätösluonnos: the content checked as a decision would be, stored unsigned on a case; no letter, no event. */
  async draft(caseId: string, input: ServiceDecisionInput, identity: UserIdentity): Promise<ServiceDecisionDraftEntity> {
    const content = validateServiceDecision(input);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, select: { id: true, clientId: true, status: true } });
      if (!found) throw notFound('No case with that id', { caseId });
      if (!DECIDABLE.includes(found.status)) {
        throw conflict(`A service decision needs a completed service need assessment and an open case; the case is ${found.status}`, { status: found.status });
      }
      const row = manager.create(ServiceDecisionDraftEntity, {
        id: randomUUID(),
        caseId,
        clientId: found.clientId,
        content: content as ServiceDecisionInput,
        draftedBy: identity.userId,
        draftedAt: new Date(),
        signedDecisionId: null,
      });
      await manager.insert(ServiceDecisionDraftEntity, row);
      return row;
    });
  }

  /** Signs a draft: the decision, its letter and ServiceDecisionMade, as execute() makes them; the signer is the decider. A draft is signed once. */
  async signDraft(draftId: string, dates: { decidedOn?: string | null; sentOn?: string | null }, identity: UserIdentity, correlationId: string): Promise<ServiceDecisionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await manager.findOne(ServiceDecisionDraftEntity, { where: { id: draftId }, lock: { mode: 'pessimistic_write' } });
      if (!draft) throw notFound('No service decision draft with that id', { reason: 'DRAFT_NOT_FOUND', field: 'draftId' });
      if (draft.signedDecisionId) throw conflict('This draft is already signed', { reason: 'DRAFT_ALREADY_SIGNED', decisionId: draft.signedDecisionId });
      const decision = validateServiceDecision(draft.content);
      const signed = await this.sign(manager, draft.caseId, decision, dates, identity, correlationId);
      await manager.update(ServiceDecisionDraftEntity, { id: draft.id }, { signedDecisionId: signed.id });
      return signed;
    });
  }

  private async sign(
    manager: EntityManager,
    caseId: string,
    decision: ReturnType<typeof validateServiceDecision>,
    input: { decidedOn?: string | null; sentOn?: string | null },
    identity: UserIdentity,
    correlationId: string,
  ): Promise<ServiceDecisionEntity> {
    const today = todayInFinland();
    {
      // A shared lock: the case cannot close while a decision is being written on it.
      const found = await manager.getRepository(CaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_read' } });
      if (!found) throw notFound('No case with that id', { caseId });
      if (!DECIDABLE.includes(found.status)) {
        throw conflict(`A service decision needs a completed service need assessment and an open case; the case is ${found.status}`, { status: found.status });
      }
      const decidedOn = stepDate('decidedOn', input.decidedOn, found.initiatedOn, today);
      // Back-dated entry of a decision signed earlier: only within the county's window.
      decisionDayWithinWindow(decidedOn, today, this.issuing.backdateMaxDays);
      const sentOn = input.sentOn ? stepDate('sentOn', input.sentOn, decidedOn, today) : null;
      const row = manager.create(ServiceDecisionEntity, {
        id: randomUUID(),
        caseId,
        clientId: found.clientId,
        ...decision,
        decidedOn,
        decidedAt: new Date(),
        decidedBy: identity.userId,
        sentOn,
      });
      await manager.insert(ServiceDecisionEntity, row);
      // Signed: the letter is rendered and stored with the decision; a decision posted at once is delivered by post.
      await this.letters.issue(manager, row);
      if (sentOn) await insertDelivery(manager, SERVICE_DECISION_DOCUMENTS, row, { method: DeliveryMethod.POST, sentOn }, identity.userId, today);
      await this.events.publish(
        manager,
        ServiceDecisionMade,
        {
          decisionId: row.id,
          caseId,
          clientId: row.clientId,
          serviceType: row.serviceType,
          outcome: row.outcome,
          // A denial has no validity period; the contract carries the decision day (see the catalog).
          validFrom: row.validFrom ?? decidedOn,
          validUntil: row.validFrom ? row.validUntil : decidedOn,
          decidedAt: row.decidedAt.toISOString(),
          // Only social workers decide (DECISION_MAKERS), whatever other roles the caller holds.
          decidedBy: { workerId: identity.userId, workerRole: WorkerRole.SOCIAL_WORKER },
        },
        { subject: row.clientId, correlationId },
      );
      return row;
    }
  }
}
