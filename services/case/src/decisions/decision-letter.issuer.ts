import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionIssuingSettings, letterLanguageOf, renderDecisionLetter } from '@asw/documents';
import { ClientEntity } from '../clients/client.entity';
import { CASE_RETENTION } from '../retention';
import { WorkerEntity } from '../workers/worker.entity';
import { ServiceDecisionLetterEntity } from './decision-documents.entity';
import { ServiceDecisionEntity } from './service-decision.entity';

export const DECISION_ISSUING = Symbol('DECISION_ISSUING');

const WORKER_TITLES: Record<'FI' | 'SV', Record<string, string>> = {
  FI: { SOCIAL_WORKER: 'sosiaalityöntekijä' },
  SV: { SOCIAL_WORKER: 'socialarbetare' },
};

/** Renders the signed decision as a letter in the client's language and stores it with the decision, in the caller's transaction. */
@Injectable()
export class DecisionLetterIssuer {
  constructor(@Inject(DECISION_ISSUING) private readonly settings: DecisionIssuingSettings) {}

  async issue(manager: EntityManager, decision: ServiceDecisionEntity): Promise<ServiceDecisionLetterEntity> {
    const [client, worker] = await Promise.all([
      manager.findOne(ClientEntity, { where: { id: decision.clientId }, select: { id: true, preferredLanguage: true } }),
      manager.findOne(WorkerEntity, { where: { userId: decision.decidedBy } }),
    ]);
    const language = letterLanguageOf(client?.preferredLanguage);
    const rendered = await renderDecisionLetter({
      kind: 'SERVICE_DECISION',
      language,
      issuer: this.settings.issuer,
      decisionId: decision.id,
      decidedOn: decision.decidedOn,
      subject: decision.serviceType,
      outcome: decision.outcome,
      reasoning: decision.reasoning,
      legalBasis: ['SERVICE_DECISION', decision.serviceType],
      validFrom: decision.validFrom,
      validUntil: decision.validUntil,
      clientGoals: decision.clientGoals,
      // A decider not in the worker register is named by user id, never left out.
      decidedBy: { name: worker?.name ?? decision.decidedBy, title: WORKER_TITLES[language][worker?.role ?? 'SOCIAL_WORKER'] ?? null },
    });
    const letter = manager.create(ServiceDecisionLetterEntity, {
      decisionId: decision.id,
      language,
      contentType: rendered.contentType,
      content: rendered.content,
      sha256: rendered.sha256,
      retentionClass: CASE_RETENTION.service_decision,
      createdAt: new Date(),
    });
    await manager.insert(ServiceDecisionLetterEntity, letter);
    return letter;
  }
}
