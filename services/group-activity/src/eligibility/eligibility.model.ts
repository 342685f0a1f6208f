import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { EligibilityReason } from '../domain';

registerEnumType(EligibilityReason, { name: 'RehabilitationEligibilityReason', description: 'Syy: why the client may or may not join groups today' });

@ObjectType('RehabilitationEligibility', { description: 'Oikeus ryhmätoimintaan: whether the client may enroll in social rehabilitation groups today.' })
export class RehabilitationEligibility {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => EligibilityReason)
  reason: EligibilityReason;

  @Field(() => ID, { nullable: true, description: 'The SOCIAL_REHABILITATION decision the answer rests on (in force, upcoming or expired)' })
  decisionId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of eligibility by the decision in force; null when open-ended or not eligible' })
  validUntil: string | null;

  @Field(() => Date, { nullable: true, description: 'When group-activity learned of the client (from case events)' })
  clientKnownSince: Date | null;
}
