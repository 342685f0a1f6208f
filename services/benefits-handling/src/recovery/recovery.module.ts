import { Module } from '@nestjs/common';
import { IncomeSupportModule } from '../income-support/income-support.module';
import { RecoveryClaimsCommand } from './recovery-claims.command';
import { DecisionRecoveryClaimsResolver, RecoveryClaimQueries, RecoveryClaimsResolver } from './recovery-claims.resolver';

@Module({ imports: [IncomeSupportModule], providers: [RecoveryClaimsCommand, RecoveryClaimQueries, RecoveryClaimsResolver, DecisionRecoveryClaimsResolver] })
export class RecoveryModule {}
