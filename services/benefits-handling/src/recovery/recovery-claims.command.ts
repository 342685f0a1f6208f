import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseLocalDate, todayInFinland } from '@asw/calendar';
import type { UserIdentity } from '@asw/auth';
import { EventPublisher, IncomeSupportRecoveryClaimChanged } from '@asw/events';
import { conflict, notFound } from '@asw/platform';
import { parseId } from '@asw/subgraph';
import { applyToCourt, CourtOutcome, draftRecoveryClaim, RecoveryClaim, recordCourtDecision } from '../domain';
import { IncomeSupportDecisionEntity } from '../decisions/income-support-decision.entity';
import { pastDay } from '../income-support/application-intake.rules';
import { RecoveryClaimEntity } from './recovery-claim.entity';
import type { RecordCourtDecisionInput, RecordRecoveryClaimInput } from './recovery-claim.model';

const asRule = (row: RecoveryClaimEntity): RecoveryClaim => ({
  decisionId: row.decisionId,
  ground: row.ground,
  recoveredFrom: row.recoveredFrom,
  liablePersonName: row.liablePersonName,
  amountCents: row.amountCents,
  status: row.status,
  appliedOn: row.appliedOn,
  courtDecidedOn: row.courtDecidedOn,
  courtOutcome: row.courtOutcome,
});

/** Takaisinperintä: the claim, the county's application to the administrative court, and the court's decision. */
@Injectable()
export class RecoveryClaimsCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async record(input: RecordRecoveryClaimInput, user: UserIdentity, correlationId: string): Promise<RecoveryClaimEntity> {
    const decisionId = parseId(input.decisionId, 'decisionId');
    return this.dataSource.transaction(async (manager) => {
      const decision = await manager.findOne(IncomeSupportDecisionEntity, { where: { id: decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!decision) throw notFound('No income support decision with that id', { field: 'decisionId' });
      if (decision.supersededById !== null) throw conflict('this decision was corrected; record the claim on the latest decision', { supersededById: decision.supersededById });
      // Live claims: drafts, pending and ordered ones; a rejected claim recovers nothing.
      const [{ total: otherClaimsCents }] = await manager.query(
        `SELECT coalesce(sum(amount_cents), 0)::int AS total FROM recovery_claim WHERE decision_id = $1 AND court_outcome IS DISTINCT FROM $2`,
        [decisionId, CourtOutcome.REJECTED],
      );
      const claim = draftRecoveryClaim({
        decision: { id: decision.id, grantedCents: decision.grantedTotalCents, recoveryDecidedWhenGranting: decision.recoveryDecidedWhenGranting },
        ground: input.ground,
        amountCents: input.amountCents,
        otherClaimsCents,
        liablePersonName: input.liablePersonName,
      });
      const saved = await manager.save(manager.create(RecoveryClaimEntity, { id: randomUUID(), clientId: decision.clientId, recordedBy: user.userId, ...claim }));
      return this.announce(manager, saved, correlationId);
    });
  }

  async applyToCourt(claimIdInput: string, appliedOnInput: string | null | undefined, correlationId: string): Promise<RecoveryClaimEntity> {
    const claimId = parseId(claimIdInput, 'claimId');
    const appliedOn = pastDay(appliedOnInput, 'appliedOn', todayInFinland());
    return this.transition(claimId, (claim) => applyToCourt(claim, appliedOn), correlationId);
  }

  async recordCourtDecision(input: RecordCourtDecisionInput, correlationId: string): Promise<RecoveryClaimEntity> {
    const claimId = parseId(input.claimId, 'claimId');
    const decidedOn = pastDay(parseLocalDate(input.decidedOn, 'decidedOn'), 'decidedOn', todayInFinland());
    return this.transition(claimId, (claim) => recordCourtDecision(claim, { decidedOn, outcome: input.outcome }), correlationId);
  }

  private transition(claimId: string, step: (claim: RecoveryClaim) => RecoveryClaim, correlationId: string): Promise<RecoveryClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RecoveryClaimEntity, { where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('No recovery claim with that id', { field: 'claimId' });
      const saved = await manager.save(Object.assign(row, step(asRule(row))));
      return this.announce(manager, saved, correlationId);
    });
  }

  private async announce(manager: EntityManager, claim: RecoveryClaimEntity, correlationId: string): Promise<RecoveryClaimEntity> {
    await this.events.publish(
      manager,
      IncomeSupportRecoveryClaimChanged,
      {
        claimId: claim.id,
        decisionId: claim.decisionId,
        clientId: claim.clientId,
        ground: claim.ground,
        amountCents: claim.amountCents,
        status: claim.status,
        courtOutcome: claim.courtOutcome,
        changedAt: new Date().toISOString(),
      },
      { subject: claim.clientId, correlationId },
    );
    return claim;
  }
}
