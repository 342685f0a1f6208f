import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DecisionAppealFields, DecisionAppealInputFields, DecisionDeliveryFields, DecisionDeliveryInputFields, ResolveDecisionAppealInputFields, StoredLetterFields,
} from '@asw/subgraph';
import { DeliveryMethod } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { DecisionOutcome, ExpenseType, LegalBasis, Payee } from '../domain';

registerEnumType(DecisionOutcome, { name: 'IncomeSupportDecisionOutcome', description: 'GRANTED = myönteinen, PARTIALLY_GRANTED = osittain myönteinen, DENIED = kielteinen' });
registerEnumType(LegalBasis, { name: 'IncomeSupportLegalBasis', description: 'Oikeusperuste: SUPPLEMENTARY_7C = täydentävä §7 c, PREVENTIVE_13 = ehkäisevä §13 (Laki toimeentulotuesta 1412/1997)' });
export enum LetterLanguageOption {
  FI = 'FI',
  SV = 'SV',
}
registerEnumType(LetterLanguageOption, { name: 'LetterLanguage', description: 'Päätöskirjeen kieli: FI suomi, SV svenska' });
registerEnumType(Payee, { name: 'IncomeSupportPayee', description: 'Maksunsaaja: CLIENT = asiakas, LANDLORD = vuokranantaja, PAYMENT_INTERMEDIARY_ACCOUNT = välitystili' });

@ObjectType('IncomeSupportDecisionLine', { description: 'Päätösrivi: one expense, claimed vs granted, in cents.' })
export class DecisionLine {
  @Field(() => ExpenseType)
  expenseType: ExpenseType;

  @Field(() => Int, { description: 'Haettu, senttiä' })
  claimedCents: number;

  @Field(() => Int, { description: 'Myönnetty, senttiä' })
  grantedCents: number;

  @Field(() => String, { nullable: true, description: 'Perustelu' })
  reason: string | null;

  @Field(() => LegalBasis)
  legalBasis: LegalBasis;

  @Field(() => Payee)
  payee: Payee;
}

@ObjectType('IncomeSupportDecision', { description: 'Toimeentulotukipäätös: per expense line, outcome derived from the lines.' })
export class IncomeSupportDecision {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => LocalDateScalar, { description: 'Päätöspäivä' })
  decidedOn: string;

  @Field(() => String, { description: 'Päättäjä (user id)' })
  decidedBy: string;

  @Field(() => Int)
  claimedTotalCents: number;

  @Field(() => Int)
  grantedTotalCents: number;

  @Field(() => Boolean, { description: 'Takaisinperintä päätetty myönnettäessä (§20, assets not yet available)' })
  recoveryDecidedWhenGranting: boolean;

  @Field(() => ID, { nullable: true, description: 'The decision this one corrects (oikaisu)' })
  correctsDecisionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The correction that replaced this decision' })
  supersededById: string | null;
}

@InputType('IncomeSupportDecisionLineInput')
export class DecisionLineInput {
  @Field(() => ExpenseType)
  expenseType: ExpenseType;

  @Field(() => Int)
  claimedCents: number;

  @Field(() => Int)
  grantedCents: number;

  @Field(() => String, { nullable: true, description: 'Required when less is granted than claimed' })
  reason?: string | null;

  @Field(() => LegalBasis)
  legalBasis: LegalBasis;

  @Field(() => Payee)
  payee: Payee;
}

@InputType({ description: 'Ratkaisu: the decision on an application, per expense line.' })
export class DecideIncomeSupportApplicationInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => [DecisionLineInput])
  lines: DecisionLineInput[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Päätöspäivä; today if left out' })
  decidedOn?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    deprecationReason: 'A decision is made first and delivered after: record the delivery with recordIncomeSupportDecisionDelivery. Given here, the delivery is recorded with the decision.',
    description: 'Day the decision was sent or handed over, if already delivered when it is made',
  })
  sentOn?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: '§20: the support will be recovered when income or assets become available' })
  recoveryDecidedWhenGranting: boolean;

  @Field(() => DeliveryMethod, {
    nullable: true,
    deprecationReason: 'Record the delivery with recordIncomeSupportDecisionDelivery.',
    description: 'Tiedoksiantotapa, if already delivered when the decision is made (POST if only sentOn is given)',
  })
  deliveryMethod?: DeliveryMethod | null;

  @Field(() => LocalDateScalar, { nullable: true, deprecationReason: 'Record the delivery with recordIncomeSupportDecisionDelivery.', description: 'Actual day of receipt, for IN_PERSON and PROOF_OF_SERVICE only' })
  receivedOn?: string | null;

  @Field(() => LetterLanguageOption, { nullable: true, description: 'Language of the decision letter; the client’s asiointikieli (from the application) if left out' })
  letterLanguage?: LetterLanguageOption | null;
}

@InputType({ description: 'Oikaisu: a new decision replacing an earlier one on the same application.' })
export class CorrectIncomeSupportDecisionInput {
  @Field(() => ID, { description: 'The decision being corrected (the latest in its chain)' })
  decisionId: string;

  @Field(() => [DecisionLineInput])
  lines: DecisionLineInput[];

  @Field(() => LocalDateScalar, { nullable: true })
  decidedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, deprecationReason: 'Record the delivery with recordIncomeSupportDecisionDelivery.' })
  sentOn?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  recoveryDecidedWhenGranting: boolean;

  @Field(() => DeliveryMethod, { nullable: true, deprecationReason: 'Record the delivery with recordIncomeSupportDecisionDelivery.', description: 'Tiedoksiantotapa, if already delivered' })
  deliveryMethod?: DeliveryMethod | null;

  @Field(() => LocalDateScalar, { nullable: true, deprecationReason: 'Record the delivery with recordIncomeSupportDecisionDelivery.', description: 'Actual day of receipt, for IN_PERSON and PROOF_OF_SERVICE only' })
  receivedOn?: string | null;

  @Field(() => LetterLanguageOption, { nullable: true, description: 'Language of the decision letter; the client’s asiointikieli (from the application) if left out' })
  letterLanguage?: LetterLanguageOption | null;
}

@ObjectType('IncomeSupportDecisionLetter', { description: 'Päätöskirje: the decision as a PDF' })
export class IncomeSupportDecisionLetter extends StoredLetterFields {}

@ObjectType('IncomeSupportDecisionDelivery', { description: 'Tiedoksianto: how and when the income-support decision reached the client' })
export class IncomeSupportDecisionDelivery extends DecisionDeliveryFields {}

@ObjectType('IncomeSupportDecisionAppeal', { description: 'Oikaisuvaatimus (HL 49 a–49 g §) of an income-support decision and its handling' })
export class IncomeSupportDecisionAppeal extends DecisionAppealFields {}

@InputType({ description: 'Tiedoksianto: record how the income-support decision was delivered' })
export class RecordIncomeSupportDecisionDeliveryInput extends DecisionDeliveryInputFields {}

@InputType({ description: 'Oikaisuvaatimus saapui' })
export class RecordIncomeSupportDecisionAppealInput extends DecisionAppealInputFields {}

@InputType({ description: 'Oikaisuvaatimuksen ratkaisu' })
export class ResolveIncomeSupportDecisionAppealInput extends ResolveDecisionAppealInputFields {
  @Field(() => ID, { nullable: true, description: 'For DECISION_CHANGED: the correction (correctIncomeSupportDecision) on the same application' })
  newDecisionId?: string | null;
}
