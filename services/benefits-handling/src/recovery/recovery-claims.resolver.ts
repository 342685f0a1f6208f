import { Injectable } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Ctx, GraphContext, groupByKey, LocalDateScalar, requireUser } from '@asw/subgraph';
import { BenefitsAccess, HANDLE_ROLES, READ_ROLES } from '../access';
import { IncomeSupportDecision } from '../decisions/income-support-decision.model';
import { RecoveryClaimEntity } from './recovery-claim.entity';
import { RecordCourtDecisionInput, RecordRecoveryClaimInput, RecoveryClaim } from './recovery-claim.model';
import { RecoveryClaimsCommand } from './recovery-claims.command';

@Injectable()
export class RecoveryClaimQueries {
  constructor(private readonly dataSource: DataSource) {}

  async claimsOf(decisionIds: readonly string[]): Promise<RecoveryClaimEntity[][]> {
    const rows = await this.dataSource.getRepository(RecoveryClaimEntity).find({ where: { decisionId: In([...decisionIds]) }, order: { createdAt: 'ASC' } });
    return groupByKey(decisionIds, rows, (row) => row.decisionId);
  }
}

/** Logs the change (käyttöloki) and hands the claim on. */
function changed(ctx: GraphContext, claim: RecoveryClaimEntity): RecoveryClaimEntity {
  ctx.access.changed(claim.clientId, 'recoveryClaims');
  return claim;
}

@Resolver(() => RecoveryClaim)
export class RecoveryClaimsResolver {
  constructor(
    private readonly command: RecoveryClaimsCommand,
    private readonly access: BenefitsAccess,
  ) {}

  @Mutation(() => RecoveryClaim, { description: 'Takaisinperintä: records a recovery claim on a decision with its §20 ground (a draft).' })
  async recordRecoveryClaim(@Args('input') input: RecordRecoveryClaimInput, @Ctx() ctx: GraphContext): Promise<RecoveryClaim> {
    const user = requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.decision(ctx, input.decisionId, 'CHANGE');
    return changed(ctx, await this.command.record(input, user, ctx.correlationId));
  }

  @Mutation(() => RecoveryClaim, { description: 'The county applied to the administrative court (hallinto-oikeus) for a repayment order.' })
  async applyRecoveryClaimToCourt(
    @Args('claimId', { type: () => ID }) claimId: string,
    @Args('appliedOn', { type: () => LocalDateScalar, nullable: true, description: 'Today if left out' }) appliedOn: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<RecoveryClaim> {
    requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.recoveryClaim(ctx, claimId, 'CHANGE');
    return changed(ctx, await this.command.applyToCourt(claimId, appliedOn, ctx.correlationId));
  }

  @Mutation(() => RecoveryClaim, { description: 'The administrative court decided: repayment ordered or the application rejected.' })
  async recordRecoveryCourtDecision(@Args('input') input: RecordCourtDecisionInput, @Ctx() ctx: GraphContext): Promise<RecoveryClaim> {
    requireUser(ctx.identity, ...HANDLE_ROLES);
    await this.access.recoveryClaim(ctx, input.claimId, 'CHANGE');
    return changed(ctx, await this.command.recordCourtDecision(input, ctx.correlationId));
  }
}

@Resolver(() => IncomeSupportDecision)
export class DecisionRecoveryClaimsResolver {
  constructor(private readonly queries: RecoveryClaimQueries) {}

  @ResolveField(() => [RecoveryClaim], { description: 'Takaisinperintävaatimukset on this decision.' })
  recoveryClaims(@Parent() decision: IncomeSupportDecision, @Ctx() ctx: GraphContext): Promise<RecoveryClaim[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return ctx.loaders.get('recoveryClaimsByDecision', (ids) => this.queries.claimsOf(ids)).load(decision.id);
  }
}
