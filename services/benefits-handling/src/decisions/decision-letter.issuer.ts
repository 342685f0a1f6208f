import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { DecisionIssuingSettings, renderDecisionLetter } from '@asw/documents';
import { BENEFITS_HANDLING_RETENTION } from '../retention';
import { DecisionLineEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionEntity, IncomeSupportDecisionLetterEntity } from './income-support-decision.entity';

export const DECISION_ISSUING = Symbol('DECISION_ISSUING');

/** Tehtävänimike by the decider's role, as the letter names them. */
const TITLES: Record<'FI' | 'SV', Record<string, string>> = {
  FI: { BENEFITS_HANDLER: 'etuuskäsittelijä', SOCIAL_WORKER: 'sosiaalityöntekijä', SOCIAL_INSTRUCTOR: 'sosiaaliohjaaja', SUPERVISOR: 'esihenkilö' },
  SV: { BENEFITS_HANDLER: 'förmånshandläggare', SOCIAL_WORKER: 'socialarbetare', SOCIAL_INSTRUCTOR: 'socialhandledare', SUPERVISOR: 'förman' },
};
const TITLE_ORDER = ['BENEFITS_HANDLER', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'SUPERVISOR'];

/** Renders an income-support decision as a letter, amounts per line, and stores it with the decision in the caller's transaction. */
@Injectable()
export class IncomeSupportLetterIssuer {
  constructor(@Inject(DECISION_ISSUING) private readonly settings: DecisionIssuingSettings) {}

  async issue(
    manager: EntityManager,
    decision: IncomeSupportDecisionEntity,
    lines: readonly Omit<DecisionLineEntity, 'decisionId' | 'position'>[],
    kind: string,
    language: 'FI' | 'SV',
    user: UserIdentity,
    delivery: IncomeSupportDecisionDeliveryEntity | null,
  ): Promise<void> {
    const role = TITLE_ORDER.find((candidate) => user.roles.includes(candidate as never));
    const rendered = await renderDecisionLetter({
      kind: 'INCOME_SUPPORT_DECISION',
      language,
      issuer: this.settings.issuer,
      decisionId: decision.id,
      decidedOn: decision.decidedOn,
      subject: kind,
      outcome: decision.outcome,
      reasoning: lines.map((line) => line.reason).filter((reason): reason is string => !!reason).join('\n') || '—',
      legalBasis: [...new Set(lines.map((line) => line.legalBasis))],
      lines,
      // The decider signs with their own name from the identity provider (the token's `name` claim) and the
      // title of their role; benefits-handling keeps no worker register and events carry no names.
      decidedBy: { name: user.name ?? user.userId, title: role ? TITLES[language][role] : null },
      // Delivered later as a rule: the letter then gives the appeal period, not yet its last day.
      delivery: delivery && { method: delivery.method, sentOn: delivery.sentOn, receivedOn: delivery.receivedOn, appealDeadline: delivery.appealDeadline },
    });
    await manager.insert(IncomeSupportDecisionLetterEntity, {
      decisionId: decision.id,
      language,
      contentType: rendered.contentType,
      content: rendered.content,
      sha256: rendered.sha256,
      retentionClass: BENEFITS_HANDLING_RETENTION.income_support_decision,
      createdAt: new Date(),
    });
  }
}
