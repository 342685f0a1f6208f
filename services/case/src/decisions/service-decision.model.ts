import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { DecisionOutcome, ServiceType } from '../domain';

registerEnumType(ServiceType, { name: 'ServiceType', description: 'Palvelu: the service a decision (SHL §45) is about' });
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome', description: 'GRANTED myönteinen, DENIED kielteinen' });

@ObjectType('ServiceDecision', { description: 'Päätös (SHL §45): an appealable administrative decision on a service' })
@Directive('@key(fields: "id")')
export class ServiceDecision {
  @Field(() => ID)
  id: string;

  caseId: string;
  clientId: string;

  @Field(() => ServiceType)
  serviceType: ServiceType;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => String, { description: 'Perustelut' })
  reasoning: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Voimassa alkaen; null for a denial' })
  validFrom: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Voimassa asti (inclusive); null = until further notice, or a denial' })
  validUntil: LocalDate | null;

  @Field(() => [String], { description: 'Asiakkaan omat tavoitteet (SHL §17)' })
  clientGoals: string[];

  @Field(() => LocalDateScalar, { description: 'Päätöspäivä' })
  decidedOn: LocalDate;

  @Field(() => Date)
  decidedAt: Date;

  @Field(() => String, { description: 'User id of the deciding social worker' })
  decidedBy: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Lähetetty (by post)' })
  sentOn: LocalDate | null;
}

@InputType({ description: 'Päätösluonnos (SHL §45): the content of a service decision, to be signed later' })
export class DraftServiceDecisionInput {
  @Field(() => ServiceType)
  serviceType: ServiceType;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => String, { description: 'Perustelut (Hallintolaki §45)' })
  reasoning: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required when granted' })
  validFrom?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Absent = until further notice (toistaiseksi)' })
  validUntil?: LocalDate | null;

  @Field(() => [String], { nullable: true, description: 'The client’s own goals; required when granting social rehabilitation (SHL §17)' })
  clientGoals?: string[] | null;
}

@InputType({ description: 'Päätös (SHL §45)' })
export class MakeServiceDecisionInput extends DraftServiceDecisionInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Päätöspäivä; today when absent; not before the case was initiated' })
  decidedOn?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the decision was posted; gives deemedReceivedOn and appealDeadline' })
  sentOn?: LocalDate | null;
}

@InputType({ description: 'Allekirjoitus: the signer is the decider' })
export class SignServiceDecisionInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Päätöspäivä; today when absent; not before the case was initiated, back-dated only within the window' })
  decidedOn?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the decision was posted, if already; otherwise record the delivery later' })
  sentOn?: LocalDate | null;
}

@ObjectType('ServiceDecisionDraft', { description: 'Päätösluonnos: a service decision not yet signed (no letter, no delivery, not on the timeline)' })
export class ServiceDecisionDraft {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  clientId: string;

  @Field(() => ServiceType)
  serviceType: ServiceType;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => String, { description: 'Perustelut' })
  reasoning: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil: LocalDate | null;

  @Field(() => [String])
  clientGoals: string[];

  @Field(() => String, { description: 'User id of the worker who drafted it' })
  draftedBy: string;

  @Field(() => Date)
  draftedAt: Date;

  @Field(() => ID, { nullable: true, description: 'The decision it became when signed; null while a draft' })
  signedDecisionId: string | null;
}
