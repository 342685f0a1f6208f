import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decisionDayWithinWindow, decisionDelivery, DeliveryMethod, LocalDate, parseLocalDate, todayInFinland } from '@asw/calendar';
import type { DecisionIssuingSettings } from '@asw/documents';
import type { UserIdentity } from '@asw/auth';
import { EventPublisher, IncomeSupportDecisionMade } from '@asw/events';
import { badInput, notFound } from '@asw/platform';
import { parseId } from '@asw/subgraph';
import { pastDay } from '../income-support/application-intake.rules';
import { assertCanCorrect, decideApplication, DecisionLine, DecisionSummary, summariseValidLines, validateDecisionContent } from '../domain';
import { applicationState, lockApplication } from '../income-support/application-workflow.commands';
import { ClaimedExpenseEntity, IncomeSupportApplicationEntity } from '../income-support/income-support-application.entity';
import { DECISION_ISSUING, IncomeSupportLetterIssuer } from './decision-letter.issuer';
import { DecisionLineEntity, IncomeSupportDecisionEntity } from './income-support-decision.entity';
import type { CorrectIncomeSupportDecisionInput, DecideIncomeSupportApplicationInput, DecisionLineInput } from './income-support-decision.model';

interface DecisionDates {
  decidedOn: LocalDate;
  sentOn: LocalDate;
  deliveryMethod: DeliveryMethod;
  receivedOn: LocalDate | null;
  letterLanguage: 'FI' | 'SV';
}

interface DatesInput {
  decidedOn?: string | null;
  sentOn?: string | null;
  deliveryMethod?: DeliveryMethod | null;
  receivedOn?: string | null;
  letterLanguage?: 'FI' | 'SV' | null;
}

/**
 * Decision day not in the future (today if left out) and within the back-dating window; sent on or
 * after it; delivered by post unless another method is given (the deadline follows the method).
 */
function decisionDates(input: DatesInput, today: LocalDate, backdateMaxDays: number): DecisionDates {
  const decidedOn = pastDay(input.decidedOn, 'decidedOn', today);
  decisionDayWithinWindow(decidedOn, today, backdateMaxDays);
  const sentOn = input.sentOn == null ? decidedOn : parseLocalDate(input.sentOn, 'sentOn');
  if (sentOn < decidedOn) throw badInput('sentOn must not be before decidedOn', { field: 'sentOn' });
  const receivedOn = input.receivedOn == null ? null : parseLocalDate(input.receivedOn, 'receivedOn');
  // Validated before anything is written: a receipt day only where the law does not presume one.
  decisionDelivery({ method: input.deliveryMethod ?? DeliveryMethod.POST, sentOn, receivedOn });
  return { decidedOn, sentOn, deliveryMethod: input.deliveryMethod ?? DeliveryMethod.POST, receivedOn, letterLanguage: input.letterLanguage ?? 'FI' };
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
    const notification = decisionDelivery({ method: dates.deliveryMethod, sentOn: dates.sentOn, receivedOn: dates.receivedOn });
    const decision = await manager.save(
      manager.create(IncomeSupportDecisionEntity, {
        id: randomUUID(),
        applicationId: application.id,
        clientId: application.clientId,
        outcome: summary.outcome,
        decidedOn: dates.decidedOn,
        decidedBy: user.userId,
        deliveryMethod: notification.method,
        sentOn: notification.sentOn,
        deemedReceivedOn: notification.receivedOn,
        appealDeadline: notification.appealDeadline,
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
    await this.letters.issue(manager, decision, summary.lines, application.kind, dates.letterLanguage, user);
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
