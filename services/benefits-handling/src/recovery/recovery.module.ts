import { Module } from '@nestjs/common';
import { RecoveryClaimsCommand } from './recovery-claims.command';
import { DecisionRecoveryClaimsResolver, RecoveryClaimQueries, RecoveryClaimsResolver } from './recovery-claims.resolver';

@Module({ providers: [RecoveryClaimsCommand, RecoveryClaimQueries, RecoveryClaimsResolver, DecisionRecoveryClaimsResolver] })
export class RecoveryModule {}
