import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decisionDayWithinWindow, DeliveryMethod, LocalDate, recordedDelivery, todayInFinland } from '@asw/calendar';
import { DecisionIssuingSettings, letterLanguageOf } from '@asw/documents';
import type { UserIdentity } from '@asw/auth';
import { EventPublisher, IncomeSupportDecisionMade } from '@asw/events';
import { notFound } from '@asw/platform';
import { DeliveryInput, insertDelivery, parseId } from '@asw/subgraph';
import { pastDay } from '../income-support/application-intake.rules';
import { assertCanCorrect, decideApplication, DecisionLine, DecisionSummary, summariseValidLines, validateDecisionContent } from '../domain';
import { applicationState, lockApplication } from '../income-support/application-workflow.commands';
import { ClaimedExpenseEntity, IncomeSupportApplicationEntity } from '../income-support/income-support-application.entity';
import { DECISION_ISSUING, IncomeSupportLetterIssuer } from './decision-letter.issuer';
import { INCOME_SUPPORT_DECISION_DOCUMENTS } from './decision-delivery.commands';
import { DecisionLineEntity, IncomeSupportDecisionEntity } from './income-support-decision.entity';
import type { CorrectIncomeSupportDecisionInput, DecideIncomeSupportApplicationInput, DecisionLineInput } from './income-support-decision.model';

interface DecisionDates {
  decidedOn: LocalDate;
  /** Only when the caller says the decision was already delivered (the deprecated input fields); otherwise recorded later. */
  delivery: DeliveryInput | null;
  letterLanguage: 'FI' | 'SV' | null;
}

interface DatesInput {
  decidedOn?: string | null;
  sentOn?: string | null;
  deliveryMethod?: DeliveryMethod | null;
  receivedOn?: string | null;
  letterLanguage?: 'FI' | 'SV' | null;
}

/**
 * Decision day not in the future (today if left out) and within the back-dating window. A decision is
 * made first and delivered after (recordIncomeSupportDecisionDelivery): only if the caller gives a
 * delivery here (sentOn, deliveryMethod or receivedOn, deprecated) is it recorded with the decision,
 * checked by the same rules, before anything is written.
 */
function decisionDates(input: DatesInput, today: LocalDate, backdateMaxDays: number): DecisionDates {
  const decidedOn = pastDay(input.decidedOn, 'decidedOn', today);
  decisionDayWithinWindow(decidedOn, today, backdateMaxDays);
  let delivery: DeliveryInput | null = null;
  if (input.sentOn != null || input.deliveryMethod != null || input.receivedOn != null) {
    delivery = { method: input.deliveryMethod ?? DeliveryMethod.POST, sentOn: input.sentOn ?? decidedOn, receivedOn: input.receivedOn ?? null };
    recordedDelivery(decidedOn, delivery, today);
  }
  return { decidedOn, delivery, letterLanguage: input.letterLanguage ?? null };
}

const asLines = (lines: readonly DecisionLineInput[]): DecisionLine[] =>
  (lines ?? []).map((line) => ({ ...line, reason: line.reason ?? null }));

/** The lines checked against the application (its kind and claimed expenses), every problem at once; read before anything is written. */
async function summariseAgainst(manager: EntityManager, application: IncomeSupportApplicationEntity, lines: readonly DecisionLineInput[]): Promise<DecisionSummary> {
  const claimed = await manager.find(ClaimedExpenseEntity, { where: { applicationId: application.id }, order: { position: 'ASC' } });
  return summariseValidLines(validateDecisionContent(application.kind, claimed, asLines(lines)));
}

/** Ratkaisu and oikaisu: validated in full first, then the decision, its lines, the application and the event in one transaction. */
@Injectable()
export class DecideApplicationCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly letters: IncomeSupportLetterIssuer,
    @Inject(DECISION_ISSUING) private readonly issuing: DecisionIssuingSettings,
  ) {}

  async decide(input: DecideIncomeSupportApplicationInput, user: UserIdentity, correlationId: string): Promise<IncomeSupportDecisionEntity> {
    const applicationId = parseId(input.applicationId, 'applicationId');
    const dates = decisionDates(input, todayInFinland(), this.issuing.backdateMaxDays);
    return this.dataSource.transaction(async (manager) => {
      const application = await lockApplication(manager, applicationId);
      const summary = await summariseAgainst(manager, application, input.lines);
      const decided = decideApplication(applicationState(application, null), dates.decidedOn);
      application.status = decided.status;
      application.decidedOn = decided.decidedOn;
      await manager.save(application);
      return this.record(manager, application, summary, dates, input.recoveryDecidedWhenGranting === true, null, user, correlationId);
    });
  }

  async correct(input: CorrectIncomeSupportDecisionInput, user: UserIdentity, correlationId: string): Promise<IncomeSupportDecisionEntity> {
    const decisionId = parseId(input.decisionId, 'decisionId');
    const dates = decisionDates(input, todayInFinland(), this.issuing.backdateMaxDays);
    return this.dataSource.transaction(async (manager) => {
      const original = await manager.findOne(IncomeSupportDecisionEntity, { where: { id: decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!original) throw notFound('No income support decision with that id', { field: 'decisionId' });
      const { correctsDecisionId } = assertCanCorrect(original, { applicationId: original.applicationId, decidedOn: dates.decidedOn });
      const application = await lockApplication(manager, original.applicationId);
      const summary = await summariseAgainst(manager, application, input.lines);
      const correction = await this.record(manager, application, summary, dates, input.recoveryDecidedWhenGranting === true, correctsDecisionId, user, correlationId);
      await manager.update(IncomeSupportDecisionEntity, { id: original.id }, { supersededById: correction.id });
      return correction;
    });
  }

  private async record(
    manager: EntityManager,
    application: IncomeSupportApplicationEntity,
    summary: DecisionSummary,
    dates: DecisionDates,
    recoveryDecidedWhenGranting: boolean,
    correctsDecisionId: string | null,
    user: UserIdentity,
    correlationId: string,
  ): Promise<IncomeSupportDecisionEntity> {
    const decision = await manager.save(
      manager.create(IncomeSupportDecisionEntity, {
        id: randomUUID(),
        applicationId: application.id,
        clientId: application.clientId,
        outcome: summary.outcome,
        decidedOn: dates.decidedOn,
        decidedBy: user.userId,
        claimedTotalCents: summary.totals.claimedCents,
        grantedTotalCents: summary.totals.grantedCents,
        recoveryDecidedWhenGranting,
        correctsDecisionId,
        supersededById: null,
      }),
    );
    await manager.insert(
      DecisionLineEntity,
      summary.lines.map((line, position) => ({ decisionId: decision.id, position, ...line })),
    );
    const delivery = dates.delivery && (await insertDelivery(manager, INCOME_SUPPORT_DECISION_DOCUMENTS, decision, dates.delivery, user.userId, todayInFinland()));
    await this.letters.issue(manager, decision, summary.lines, application.kind, dates.letterLanguage ?? letterLanguageOf(application.preferredLanguage), user, delivery);
    await this.events.publish(
      manager,
      IncomeSupportDecisionMade,
      {
        decisionId: decision.id,
        applicationId: application.id,
        clientId: application.clientId,
        kind: application.kind,
        outcome: decision.outcome,
        grantedTotalCents: decision.grantedTotalCents,
        decidedAt: decision.createdAt.toISOString(),
        correctsDecisionId,
      },
      { subject: application.clientId, correlationId },
    );
    return decision;
  }
}
