import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { ApplicationStatus, IncomeSupportKind, KelaNoticeType, NoticePriority } from '../domain';
import { ClaimedExpenseInput } from '../income-support/income-support-application.model';
import { LetterLanguageOption } from '../decisions/income-support-decision.model';

registerEnumType(KelaNoticeType, {
  name: 'KelaNoticeType',
  description: 'Kelan ilmoitus (eTotu): the notices Kela sends the county under Laki toimeentulotuesta 1412/1997.',
});
registerEnumType(NoticePriority, { name: 'KelaNoticePriority', description: 'IMMEDIATE = heti (urgent ones the same day), NORMAL = tavanomainen järjestys' });

@InputType({ description: 'Kelan ilmoitus: a notice Kela sends about a person, identified by henkilötunnus.' })
export class SubmitKelaNoticeInput {
  @Field(() => String, { description: 'Kela’s own reference of the notice: a resend with the same reference returns the same receipt.' })
  reference: string;

  @Field(() => KelaNoticeType)
  noticeType: KelaNoticeType;

  @Field(() => String, { description: 'Henkilötunnus; stored only encrypted, never echoed.' })
  personalIdentityCode: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Kiireellinen: a need for social work to be handled the same day.' })
  urgent: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Kela’s decision the notice follows from, if any (päätöspäivä).' })
  kelaDecisionOn?: string | null;
}

@InputType({ description: 'Siirretty hakemus: an application for supplementary or preventive support Kela forwards to the county.' })
export class ForwardIncomeSupportApplicationInput {
  @Field(() => String, { description: 'Kela’s own reference: a resend with the same reference returns the same record and creates nothing.' })
  reference: string;

  @Field(() => String, { description: 'Henkilötunnus; stored only encrypted, never echoed.' })
  personalIdentityCode: string;

  @Field(() => IncomeSupportKind)
  kind: IncomeSupportKind;

  @Field(() => LocalDateScalar, { description: 'Day the application arrived at Kela (saapumispäivä): the §14 a clock starts here.' })
  receivedOn: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Kiireellinen: decided the same or the next working day.' })
  urgent: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Opiskelija: handled in the centralised students’ queue.' })
  student: boolean;

  @Field(() => [ClaimedExpenseInput])
  expenses: ClaimedExpenseInput[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Kela’s basic-support decision the transfer follows.' })
  kelaDecisionOn?: string | null;

  @Field(() => LetterLanguageOption, { nullable: true, description: 'Asiointikieli the applicant uses (FI, SV): the county’s decision letter is written in it. Not stated: FI.' })
  language?: LetterLanguageOption | null;
}

@ObjectType('KelaNoticeReceipt', { description: 'Kuittaus: what Kela learns of a notice it sent, nothing more.' })
export class KelaNoticeReceipt {
  @Field(() => String)
  reference: string;

  @Field(() => KelaNoticeType)
  noticeType: KelaNoticeType;

  @Field(() => Date)
  receivedAt: Date;
}

@ObjectType('ForwardedApplicationStatus', { description: 'Käsittelyn tila: the processing status of an application Kela forwarded, and nothing else.' })
export class ForwardedApplicationStatus {
  @Field(() => String)
  reference: string;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;
}

@ObjectType('KelaNoticeActivationFact', { description: 'Aktivointiperuste: income support as main income for N months, for case’s activation triggers.' })
export class KelaNoticeActivationFact {
  @Field(() => String)
  ageBand: string;

  @Field(() => Int)
  months: number;
}

@ObjectType('KelaNotice', { description: 'Kelan ilmoitus (eTotu) about the client, as county workers see it.' })
export class KelaNotice {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Kela’s reference' })
  kelaReference: string;

  @Field(() => KelaNoticeType)
  noticeType: KelaNoticeType;

  @Field(() => Boolean)
  urgent: boolean;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => LocalDateScalar, { nullable: true })
  kelaDecisionOn: string | null;

  @Field(() => NoticePriority)
  priority: NoticePriority;

  @Field(() => Boolean, { description: 'Opens a pending case or attaches to the open one (SHL §35).' })
  opensOrAttachesCase: boolean;

  @Field(() => Boolean, { description: 'Käsiteltävä samana päivänä.' })
  mustBeHandledSameDay: boolean;

  @Field(() => KelaNoticeActivationFact, { nullable: true })
  activationFact: KelaNoticeActivationFact | null;
}
