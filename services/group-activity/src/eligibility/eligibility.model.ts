import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EligibilityReason } from './eligibility.rules';

registerEnumType(EligibilityReason, { name: 'RehabilitationEligibilityReason' });

@ObjectType('RehabilitationEligibility', { description: 'Oikeus ryhmätoimintaan: whether the client may enroll in social rehabilitation groups.' })
export class RehabilitationEligibility {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => EligibilityReason)
  reason: EligibilityReason;

  @Field(() => Date, { nullable: true, description: 'When group-activity learned of the client (from case events)' })
  clientKnownSince: Date | null;
}
