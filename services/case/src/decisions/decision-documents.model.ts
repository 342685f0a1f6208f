import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StoredLetterFields } from '@asw/subgraph';
import { DeliveryMethod, LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { AppealResolution, AppealStatus } from './appeal.rules';

registerEnumType(DeliveryMethod, {
  name: 'DecisionDeliveryMethod',
  description: 'Tiedoksiantotapa: POST kirje (HL 59 §, 7. päivä), ELECTRONIC sähköinen (laki 13/2003 19 §, 3. päivä), IN_PERSON henkilökohtaisesti, PROOF_OF_SERVICE todisteellisesti (todellinen päivä)',
});
registerEnumType(AppealStatus, { name: 'DecisionAppealStatus', description: 'Oikaisuvaatimuksen käsittely: PENDING vireillä, RESOLVED ratkaistu' });
registerEnumType(AppealResolution, {
  name: 'DecisionAppealResolution',
  description: 'REJECTED hylätty, DECISION_CHANGED päätöstä muutettu (uusi päätös), NOT_EXAMINED jätetty tutkimatta (myöhästynyt, HL 49 c §)',
});

@ObjectType('ServiceDecisionLetter', { description: 'Päätöskirje: the signed decision as a PDF in the client’s language' })
export class ServiceDecisionLetter extends StoredLetterFields {}

@ObjectType('ServiceDecisionDelivery', { description: 'Tiedoksianto: how and when the decision reached the client' })
export class ServiceDecisionDelivery {
  @Field(() => DeliveryMethod)
  method: DeliveryMethod;

  @Field(() => LocalDateScalar, { description: 'Lähetetty tai luovutettu' })
  sentOn: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Tiedoksisaantipäivä: actual, or presumed by the method' })
  receivedOn: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Oikaisuvaatimuksen määräaika (HL 49 c §, laki 150/1930 5 §)' })
  appealDeadline: LocalDate;

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType('ServiceDecisionAppeal', { description: 'Oikaisuvaatimus (HL 49 a–49 g §): a request for review and its handling' })
export class ServiceDecisionAppeal {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  decisionId: string;

  clientId: string;

  @Field(() => LocalDateScalar, { description: 'Saapunut' })
  receivedOn: LocalDate;

  @Field(() => LocalDateScalar, { description: 'The deadline it is measured against' })
  appealDeadline: LocalDate;

  @Field(() => Boolean, { description: 'Arrived on or before the deadline' })
  inTime: boolean;

  @Field(() => AppealStatus)
  status: AppealStatus;

  @Field(() => AppealResolution, { nullable: true })
  resolution: AppealResolution | null;

  @Field(() => LocalDateScalar, { nullable: true })
  resolvedOn: LocalDate | null;

  @Field(() => ID, { nullable: true, description: 'The decision that replaced the appealed one' })
  newDecisionId: string | null;
}

@InputType({ description: 'Tiedoksianto: record how the decision was delivered' })
export class RecordServiceDecisionDeliveryInput {
  @Field(() => DeliveryMethod)
  method: DeliveryMethod;

  @Field(() => LocalDateScalar, { description: 'Day posted, sent or handed over; not before the decision, not in the future' })
  sentOn: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Actual day of receipt: required for IN_PERSON and PROOF_OF_SERVICE, refused for POST and ELECTRONIC' })
  receivedOn?: LocalDate | null;
}

@InputType({ description: 'Oikaisuvaatimus saapui' })
export class RecordServiceDecisionAppealInput {
  @Field(() => LocalDateScalar, { description: 'Day the request for review arrived at the county' })
  receivedOn: LocalDate;
}

@InputType({ description: 'Oikaisuvaatimuksen ratkaisu' })
export class ResolveServiceDecisionAppealInput {
  @Field(() => AppealResolution)
  resolution: AppealResolution;

  @Field(() => LocalDateScalar)
  resolvedOn: LocalDate;

  @Field(() => ID, { nullable: true, description: 'For DECISION_CHANGED: the new decision on the same case' })
  newDecisionId?: string | null;
}
