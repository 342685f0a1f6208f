import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, PrimaryColumn } from 'typeorm';
import { AppealResolution, AppealStatus, DeliveryMethod, LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '../local-date.scalar';

/**
 * Tiedoksianto and oikaisuvaatimus as every deciding service stores and shows them (the rules are in
 * libs/calendar: delivery.ts, appeal.ts). Each service's delivery and appeal tables extend these columns,
 * and its GraphQL types these fields, so a service decision and an income-support decision look alike.
 */
registerEnumType(DeliveryMethod, {
  name: 'DecisionDeliveryMethod',
  description: 'Tiedoksiantotapa: POST kirje (HL 59 §, 7. päivä), ELECTRONIC sähköinen (laki 13/2003 19 §, 3. päivä), IN_PERSON henkilökohtaisesti, PROOF_OF_SERVICE todisteellisesti (todellinen päivä)',
});
registerEnumType(AppealStatus, { name: 'DecisionAppealStatus', description: 'Oikaisuvaatimuksen käsittely: PENDING vireillä, RESOLVED ratkaistu' });
registerEnumType(AppealResolution, {
  name: 'DecisionAppealResolution',
  description: 'REJECTED hylätty, DECISION_CHANGED päätöstä muutettu (uusi päätös), NOT_EXAMINED jätetty tutkimatta (myöhästynyt, HL 49 c §)',
});

/** Tiedoksianto: how and when the decision reached the client; recorded once per decision. */
export abstract class DecisionDeliveryColumns {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ type: 'text' })
  method: DeliveryMethod;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn: LocalDate;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: LocalDate;

  @Column({ name: 'appeal_deadline', type: 'date' })
  appealDeadline: LocalDate;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** Oikaisuvaatimus (HL 49 a–49 g §): a request for review of a decision, and how it was handled. */
export abstract class DecisionAppealColumns {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: LocalDate;

  @Column({ name: 'appeal_deadline', type: 'date' })
  appealDeadline: LocalDate;

  @Column({ name: 'in_time', type: 'boolean' })
  inTime: boolean;

  @Column({ type: 'text' })
  status: AppealStatus;

  @Column({ type: 'text', nullable: true })
  resolution: AppealResolution | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: LocalDate | null;

  @Column({ name: 'new_decision_id', type: 'uuid', nullable: true })
  newDecisionId: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

@ObjectType({ isAbstract: true })
export abstract class DecisionDeliveryFields {
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

@ObjectType({ isAbstract: true })
export abstract class DecisionAppealFields {
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

@InputType({ isAbstract: true })
export abstract class DecisionDeliveryInputFields {
  @Field(() => DeliveryMethod)
  method: DeliveryMethod;

  @Field(() => LocalDateScalar, { description: 'Day posted, sent or handed over; not before the decision, not in the future' })
  sentOn: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Actual day of receipt: required for IN_PERSON and PROOF_OF_SERVICE, refused for POST and ELECTRONIC' })
  receivedOn?: LocalDate | null;
}

@InputType({ isAbstract: true })
export abstract class DecisionAppealInputFields {
  @Field(() => LocalDateScalar, { description: 'Day the request for review arrived at the county' })
  receivedOn: LocalDate;
}

@InputType({ isAbstract: true })
export abstract class ResolveDecisionAppealInputFields {
  @Field(() => AppealResolution)
  resolution: AppealResolution;

  @Field(() => LocalDateScalar)
  resolvedOn: LocalDate;
}
