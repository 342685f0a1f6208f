import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  DecisionAppealFields, DecisionAppealInputFields, DecisionDeliveryFields, DecisionDeliveryInputFields, ResolveDecisionAppealInputFields, StoredLetterFields,
} from '@asw/subgraph';

@ObjectType('ServiceDecisionLetter', { description: 'Päätöskirje: the signed decision as a PDF in the client’s language' })
export class ServiceDecisionLetter extends StoredLetterFields {}

@ObjectType('ServiceDecisionDelivery', { description: 'Tiedoksianto: how and when the decision reached the client' })
export class ServiceDecisionDelivery extends DecisionDeliveryFields {}

@ObjectType('ServiceDecisionAppeal', { description: 'Oikaisuvaatimus (HL 49 a–49 g §): a request for review and its handling' })
export class ServiceDecisionAppeal extends DecisionAppealFields {}

@InputType({ description: 'Tiedoksianto: record how the decision was delivered' })
export class RecordServiceDecisionDeliveryInput extends DecisionDeliveryInputFields {}

@InputType({ description: 'Oikaisuvaatimus saapui' })
export class RecordServiceDecisionAppealInput extends DecisionAppealInputFields {}

@InputType({ description: 'Oikaisuvaatimuksen ratkaisu' })
export class ResolveServiceDecisionAppealInput extends ResolveDecisionAppealInputFields {
  @Field(() => ID, { nullable: true, description: 'For DECISION_CHANGED: the new decision on the same case' })
  newDecisionId?: string | null;
}
