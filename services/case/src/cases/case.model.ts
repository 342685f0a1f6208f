import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import type { RoutingFindings } from './case.rules';
import { CaseActivationBasis, CaseClosingReason, CaseStatus, InitiationChannel, ServiceTask, SupportNeed, WorkerRole } from '../domain';

registerEnumType(CaseStatus, { name: 'CaseStatus', description: 'Asiakkuuden tila: INITIATED vireillä → ASSESSMENT arviointi → PLANNING suunnittelu → ACTIVE → CLOSED päättynyt' });
registerEnumType(InitiationChannel, { name: 'InitiationChannel', description: 'Vireilletulotapa (SHL §34–35)' });
registerEnumType(ServiceTask, { name: 'ServiceTask', description: 'Palvelutehtävä' });
registerEnumType(SupportNeed, { name: 'SupportNeed', description: 'Tuen tarve (SHL §36)' });
registerEnumType(CaseClosingReason, { name: 'CaseClosingReason', description: 'Asiakkuuden päättymisen syy (SHL §34)' });
registerEnumType(CaseActivationBasis, { name: 'CaseActivationBasis', description: 'Why the case became ACTIVE (SHL §39)' });

@ObjectType('ServiceNeedAssessment', { description: 'Palvelutarpeen arviointi (SHL §36)' })
export class ServiceNeedAssessment {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Aloitettu' })
  startedOn: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Valmistunut' })
  completedOn: LocalDate | null;

  @Field(() => [SupportNeed], { description: 'Tuen tarpeet' })
  supportNeeds: SupportNeed[];

  @Field(() => Boolean, { nullable: true, description: 'Erityistä tukea tarvitseva (SHL §3, §42)' })
  specialSupportNeeded: boolean | null;

  @Field(() => String, { nullable: true, description: 'Arvion yhteenveto' })
  summary: string | null;
}

@ObjectType('RoutingReason')
export class RoutingReason {
  @Field(() => String)
  ruleId: string;

  @Field(() => String, { description: 'Peruste suomeksi' })
  descriptionFi: string;

  @Field(() => String)
  descriptionEn: string;
}

@ObjectType('RoutingRecommendation', { description: 'Ohjaussuositus: which kind of worker should be the named worker, and why (unit routing rules)' })
export class RoutingRecommendation {
  @Field(() => WorkerRole)
  recommendedRole: WorkerRole;

  @Field(() => [RoutingReason])
  reasons: RoutingReason[];
}

@ObjectType('CaseStatusChange', { description: 'Tilamuutos: one timestamped transition' })
export class CaseStatusChange {
  @Field(() => CaseStatus, { nullable: true })
  from: CaseStatus | null;

  @Field(() => CaseStatus)
  to: CaseStatus;

  @Field(() => Date)
  changedAt: Date;

  @Field(() => String, { description: 'User id of the worker, or the service that made the change' })
  changedBy: string;
}

@ObjectType('Case', { description: 'Asiakkuus: a client’s matter in one service task, from initiation (vireilletulo) to closing' })
export class Case {
  @Field(() => ID)
  id: string;

  clientId: string;

  @Field(() => ServiceTask)
  serviceTask: ServiceTask;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => InitiationChannel)
  initiationChannel: InitiationChannel;

  @Field(() => Boolean, { description: 'Kiireellinen' })
  urgent: boolean;

  @Field(() => String, { description: 'Tiimi whose queue the case is in' })
  team: string;

  @Field(() => LocalDateScalar, { description: 'Vireilletulopäivä' })
  initiatedOn: LocalDate;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => ID, { nullable: true, description: 'The Kela notice (eTotu) that opened the case, if any' })
  kelaNoticeId: string | null;

  @Field(() => LocalDateScalar, { description: 'Arvioinnin aloituksen tavoitepäivä (county target, working days)' })
  assessmentStartDueOn: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Arvioinnin valmistumisen tavoitepäivä (county target)' })
  assessmentDueOn: LocalDate;

  @Field(() => CaseActivationBasis, { nullable: true })
  activationBasis: CaseActivationBasis | null;

  @Field(() => CaseClosingReason, { nullable: true })
  closingReason: CaseClosingReason | null;

  @Field(() => String, { nullable: true })
  closingNote: string | null;

  @Field(() => Date, { description: 'When the case last changed status' })
  statusChangedAt: Date;

  responsibleWorkerId: string | null;
  assessmentStartedOn: LocalDate | null;
  assessmentCompletedOn: LocalDate | null;
  supportNeeds: SupportNeed[] | null;
  specialSupportNeeded: boolean | null;
  assessmentSummary: string | null;
  ageAtAssessment: number | null;
  routingFindings: RoutingFindings | null;
}

@InputType({ description: 'Asiakkuuden vireilletulo' })
export class OpenCaseInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ServiceTask, { defaultValue: ServiceTask.ADULT_SOCIAL_WORK })
  serviceTask: ServiceTask;

  @Field(() => InitiationChannel)
  initiationChannel: InitiationChannel;

  @Field(() => Boolean, { defaultValue: false })
  urgent: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Vireilletulopäivä; today when absent; never in the future' })
  initiatedOn?: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Team whose queue the case goes to; the caller’s team when absent' })
  team?: string | null;
}

@InputType({ description: 'What the worker found, for the routing recommendation; every finding must be stated' })
export class RoutingFindingsInput {
  @Field(() => Boolean, { description: 'Has income of their own' }) hasIncome: boolean;
  @Field(() => Boolean, { description: 'Vakava päihdeongelma' }) seriousSubstanceAbuse: boolean;
  @Field(() => Boolean, { description: 'Vakava mielenterveysongelma' }) seriousMentalHealth: boolean;
  @Field(() => Boolean, { description: 'Vakava rahapeliongelma' }) seriousGambling: boolean;
  @Field(() => Boolean, { description: 'Vapautuminen vankilasta' }) prisonRelease: boolean;
  @Field(() => Boolean, { description: 'Vakava asumisen ongelma' }) seriousHousingProblem: boolean;
  @Field(() => Boolean, { description: 'Uusi asiakas, joka tarvitsee ohjausta' }) newClientNeedingGuidance: boolean;
  @Field(() => Boolean, { description: 'Vuokrarästit' }) rentArrears: boolean;
  @Field(() => Boolean, { description: 'Aiempi sosiaalityöntekijä' }) hadEarlierSocialWorker: boolean;
  @Field(() => Boolean, { description: 'Opiskelija' }) student: boolean;
  @Field(() => Boolean, { description: 'Iäkäs, ensimmäinen arviointi' }) elderlyFirstAssessment: boolean;
}

@InputType({ description: 'Palvelutarpeen arvioinnin valmistuminen (SHL §36)' })
export class CompleteAssessmentInput {
  @Field(() => String)
  summary: string;

  @Field(() => [SupportNeed])
  supportNeeds: SupportNeed[];

  @Field(() => Boolean)
  specialSupportNeeded: boolean;

  @Field(() => RoutingFindingsInput)
  findings: RoutingFindingsInput;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Today when absent' })
  completedOn?: LocalDate | null;
}

@InputType({ description: 'Asiakkuuden päättäminen (SHL §34)' })
export class CloseCaseInput {
  @Field(() => CaseClosingReason)
  reason: CaseClosingReason;

  @Field(() => String, { nullable: true, description: 'Required when the reason is OTHER' })
  note?: string | null;
}

@ObjectType('CaseQueueEntry', { description: 'Tiimin jono: an open case with where it stands against its targets' })
export class CaseQueueEntry {
  @Field(() => Case)
  case: Case;

  @Field(() => LocalDateScalar, { nullable: true })
  nextDueOn: LocalDate | null;

  @Field(() => Boolean)
  overdue: boolean;
}

