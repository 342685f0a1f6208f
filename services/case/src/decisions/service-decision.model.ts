import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { DecisionOutcome, ServiceType } from '../domain';

registerEnumType(ServiceType, { name: 'ServiceType', description: 'Palvelu: the service a decision (SHL §45) is about' });
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome', description: 'GRANTED myönteinen, DENIED kielteinen' });

@ObjectType('ServiceDecision', { description: 'Päätös (SHL §45): an appealable administrative decision on a service' })
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

@InputType({ description: 'Päätös (SHL §45)' })
export class MakeServiceDecisionInput {
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

  @Field(() => LocalDateScalar, { nullable: true, description: 'Päätöspäivä; today when absent; not before the case was initiated' })
  decidedOn?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the decision was posted; gives deemedReceivedOn and appealDeadline' })
  sentOn?: LocalDate | null;
}
