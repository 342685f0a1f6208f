import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LetterLanguageOption } from '../decisions/income-support-decision.model';
import { LocalDateScalar } from '@asw/subgraph';
import { ApplicationStatus, CompletionResolution, ExpenseType, IncomeSupportKind, ProcessingQueue } from '../domain';
import { ApplicationChannel } from './income-support-application.entity';

registerEnumType(IncomeSupportKind, { name: 'IncomeSupportKind', description: 'SUPPLEMENTARY = täydentävä (§7 c), PREVENTIVE = ehkäisevä (§13) toimeentulotuki' });
registerEnumType(ApplicationStatus, {
  name: 'IncomeSupportApplicationStatus',
  description: 'Käsittelyvaihe: RECEIVED = vireillä, COMPLETION_REQUESTED = täydennyspyyntö lähetetty, DECIDED = ratkaistu',
});
registerEnumType(ProcessingQueue, { name: 'IncomeSupportQueue', description: 'Käsittelyjono: GENERAL = etuuskäsittely, STUDENTS = opiskelijoiden keskitetty jono, URGENT = kiireelliset' });
registerEnumType(ApplicationChannel, { name: 'IncomeSupportApplicationChannel', description: 'Vireilletulokanava: how the application reached the county' });
registerEnumType(ExpenseType, { name: 'IncomeSupportExpenseType', description: 'Menolaji' });
registerEnumType(CompletionResolution, { name: 'CompletionResolution', description: 'COMPLETED = täydennys saapui, DEADLINE_PASSED = määräaika umpeutui' });

@ObjectType('ClaimedExpense', { description: 'Haettu meno: an expense as the applicant claimed it.' })
export class ClaimedExpense {
  @Field(() => ExpenseType)
  expenseType: ExpenseType;

  @Field(() => Int, { description: 'Haettu määrä senttiä' })
  claimedCents: number;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('CompletionRequest', { description: 'Täydennyspyyntö (§14 a): what is missing and by when.' })
export class CompletionRequest {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  requestedOn: string;

  @Field(() => LocalDateScalar, { description: 'The applicant’s deadline (moved off weekends and holidays, Act 150/1930).' })
  deadlineOn: string;

  @Field(() => String, { description: 'Mitä puuttuu' })
  missing: string;

  @Field(() => Boolean, { description: 'Sent by the 7th working day after arrival, as §14 a requires.' })
  sentWithinDeadline: boolean;

  @Field(() => CompletionResolution, { nullable: true })
  resolution: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  resolvedOn: string | null;
}

@ObjectType('IncomeSupportApplication', { description: 'Toimeentulotukihakemus: an application for supplementary or preventive income support.' })
export class IncomeSupportApplication {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The client (asiakas) the application is about.' })
  clientId: string;

  @Field(() => IncomeSupportKind)
  kind: IncomeSupportKind;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => ApplicationChannel)
  channel: ApplicationChannel;

  @Field(() => ProcessingQueue)
  queue: ProcessingQueue;

  @Field(() => String, { description: 'Käsittelytiimi: the team whose queue the application is in; its benefits handlers and supervisor handle it' })
  handlingTeam: string;

  @Field(() => Boolean, { description: 'Kiireellinen' })
  urgent: boolean;

  @Field(() => Boolean, { description: 'Opiskelija' })
  student: boolean;

  @Field(() => LocalDateScalar, { description: 'Saapumispäivä: day the application arrived' })
  receivedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ratkaistava viimeistään (§14 a, working days)' })
  decisionDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'A completion request must be sent by this day (7th working day after arrival)' })
  completionRequestDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ratkaisupäivä' })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The benefits handler it is assigned to (käsittelijä)' })
  assignedHandlerId: string | null;

  @Field(() => String, { nullable: true, description: 'Kela’s reference of a forwarded application' })
  kelaReference: string | null;

  @Field(() => ID, { nullable: true, description: 'The rent arrears (vuokrarästi) a draft was made from' })
  rentArrearsId: string | null;
}

@InputType({ description: 'Haettu meno: an expense the applicant claims, in cents.' })
export class ClaimedExpenseInput {
  @Field(() => ExpenseType)
  expenseType: ExpenseType;

  @Field(() => Int, { description: 'Haettu määrä senttiä (integer cents, > 0).' })
  claimedCents: number;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: 'Hakemuksen kirjaus: an application that arrived directly (paper, e-service, front desk).' })
export class RegisterIncomeSupportApplicationInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => IncomeSupportKind)
  kind: IncomeSupportKind;

  @Field(() => ApplicationChannel, { description: 'PAPER, E_SERVICE or FRONT_DESK' })
  channel: ApplicationChannel;

  @Field(() => LocalDateScalar)
  receivedOn: string;

  @Field(() => Boolean, { defaultValue: false })
  urgent: boolean;

  @Field(() => Boolean, { defaultValue: false })
  student: boolean;

  @Field(() => [ClaimedExpenseInput])
  expenses: ClaimedExpenseInput[];

  @Field(() => LetterLanguageOption, { nullable: true, description: 'Asiointikieli: the language the client uses with the county (FI, SV); decision letters are written in it. Not stated: FI.' })
  language?: LetterLanguageOption | null;
}

@InputType({ description: 'Hakemus luonnoksen pohjalta: the client applied on the basis of a draft (e.g. from rent arrears).' })
export class ConfirmDraftInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the client applied; today if left out' })
  receivedOn?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  urgent: boolean;

  @Field(() => Boolean, { defaultValue: false })
  student: boolean;
}

@InputType({ description: 'Täydennyspyyntö: ask the applicant for what is missing.' })
export class RequestCompletionInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => String, { description: 'Mitä puuttuu: specific, as §14 a requires' })
  missing: string;

  @Field(() => LocalDateScalar, { description: 'Määräaika for the applicant' })
  deadlineOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the request was sent; today if left out' })
  requestedOn?: string | null;
}

@InputType({ description: 'Täydennys saapui tai määräaika umpeutui: the decision clock restarts.' })
export class ResolveCompletionInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => CompletionResolution)
  resolution: CompletionResolution;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the completion arrived, or the day the passed deadline is recorded; today if left out' })
  on?: string | null;
}

@ObjectType('IncomeSupportQueueCount', { description: 'Jonon tilanne: open and overdue applications in one queue.' })
export class QueueCount {
  @Field(() => ProcessingQueue)
  queue: ProcessingQueue;

  @Field(() => Int)
  open: number;

  @Field(() => Int, { description: 'Past their §14 a due date' })
  overdue: number;

  @Field(() => Int)
  unassigned: number;
}

@ObjectType('IncomeSupportQueueView', { description: 'Käsittelyjono: open applications by due date, overdue first, with counts per queue of the caller’s team.' })
export class QueueView {
  @Field(() => ProcessingQueue)
  queue: ProcessingQueue;

  @Field(() => [IncomeSupportApplication])
  applications: IncomeSupportApplication[];

  @Field(() => [QueueCount], { description: 'Every queue of the caller’s team, so the handler sees the whole picture' })
  counts: QueueCount[];
}
