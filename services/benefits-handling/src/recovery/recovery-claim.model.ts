import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { CourtOutcome, RecoveryClaimStatus, RecoveryDebtor, RecoveryGround } from '../domain';

registerEnumType(RecoveryGround, { name: 'RecoveryGround', description: 'Takaisinperinnän peruste (§20)' });
registerEnumType(RecoveryDebtor, { name: 'RecoveryDebtor', description: 'Takaisinperinnän kohde: CLIENT = tuensaaja, MAINTENANCE_LIABLE_PERSON = elatusvelvollinen (§20)' });
registerEnumType(RecoveryClaimStatus, {
  name: 'RecoveryClaimStatus',
  description: 'DRAFT = luonnos, APPLIED_TO_COURT = haettu hallinto-oikeudelta, DECIDED_BY_COURT = hallinto-oikeus ratkaissut',
});
registerEnumType(CourtOutcome, { name: 'RecoveryCourtOutcome', description: 'ORDERED = takaisinperintä määrätty, REJECTED = hakemus hylätty' });

@ObjectType('RecoveryClaim', {
  description: 'Takaisinperintä (§19–21): the county applies to the administrative court (hallinto-oikeus), which orders repayment.',
})
export class RecoveryClaim {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  decisionId: string;

  @Field(() => RecoveryGround)
  ground: RecoveryGround;

  @Field(() => RecoveryDebtor, { description: 'From whom it is recovered' })
  recoveredFrom: RecoveryDebtor;

  @Field(() => String, { nullable: true, description: 'Elatusvelvollisen nimi, when recovered from a maintenance-liable person' })
  liablePersonName: string | null;

  @Field(() => Int, { description: 'Amount to recover, in cents' })
  amountCents: number;

  @Field(() => RecoveryClaimStatus)
  status: RecoveryClaimStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  appliedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  courtDecidedOn: string | null;

  @Field(() => CourtOutcome, { nullable: true })
  courtOutcome: CourtOutcome | null;
}

@InputType({ description: 'Takaisinperintävaatimus on a decision, with its §20 ground.' })
export class RecordRecoveryClaimInput {
  @Field(() => ID)
  decisionId: string;

  @Field(() => RecoveryGround)
  ground: RecoveryGround;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { nullable: true, description: 'Elatusvelvollisen nimi: required for MAINTENANCE_LIABLE_NEGLECT (recovered from that person), refused otherwise' })
  liablePersonName?: string | null;
}

@InputType({ description: 'Hallinto-oikeuden päätös on a claim applied to it.' })
export class RecordCourtDecisionInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => CourtOutcome)
  outcome: CourtOutcome;

  @Field(() => LocalDateScalar)
  decidedOn: string;
}
