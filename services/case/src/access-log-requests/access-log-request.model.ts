import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar, StoredLetterFields } from '@asw/subgraph';

/** Lokitietopyynnön tila. */
export enum ClientAccessLogRequestStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}

registerEnumType(ClientAccessLogRequestStatus, { name: 'ClientAccessLogRequestStatus', description: 'Lokitietopyynnön tila: OPEN avoin, ANSWERED vastattu' });

@ObjectType('ClientAccessLogPerson', { description: 'A person or organisation named in the answer: the worker from the worker register, or the partner organisation' })
export class ClientAccessLogPerson {
  @Field(() => String, { description: 'The worker’s user id, or the partner’s client id' })
  actorId: string;

  @Field(() => String, { description: 'Nimi: the worker’s name, the partner organisation’s name; the user id when the register does not know the worker' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Nimike: the worker’s role in the client’s language' })
  title: string | null;

  @Field(() => String, { description: 'Organisaatio' })
  organisation: string;
}

@ObjectType('ClientAccessLogLetter', { description: 'Vastauskirje lokitietopyyntöön (PDF) in the client’s language, stored with the request' })
export class ClientAccessLogLetter extends StoredLetterFields {
  @Field(() => ID)
  requestId: string;

  @Field(() => Int, { description: 'How many log entries the answer lists, from every service' })
  entryCount: number;

  @Field(() => [ClientAccessLogPerson], { description: 'Who processed or received the data, as the letter names them' })
  people: ClientAccessLogPerson[];
}

@ObjectType('ClientAccessLogRequest', {
  description: 'Lokitietopyyntö (laki 703/2023 11 §): a client asked who has processed or received their data; answered within 2 months, covering the last 2 years (older entries only on a special reason)',
})
export class ClientAccessLogRequest {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => LocalDateScalar, { description: 'Vastaanotettu: the day the request reached the county' })
  receivedOn: LocalDate;

  @Field(() => ClientAccessLogPerson, { description: 'Who received the request' })
  receivedBy: ClientAccessLogPerson;

  @Field(() => LocalDateScalar, { description: 'Vastattava viimeistään: 2 months from receipt, moved to the next working day (150/1930 3 § and 5 §)' })
  answerDueOn: LocalDate;

  @Field(() => Boolean, { description: 'Open and past its answer deadline (Finnish date)' })
  overdue: boolean;

  @Field(() => LocalDateScalar, { description: 'First day the answer covers; the period ends when the request was received' })
  periodFrom: LocalDate;

  @Field(() => Boolean, { description: 'The answer reaches past the 2 years, on the client’s special reason' })
  olderEntries: boolean;

  @Field(() => String, { nullable: true, description: 'Erityinen syy given for entries older than 2 years' })
  specialReason: string | null;

  @Field(() => ClientAccessLogRequestStatus)
  status: ClientAccessLogRequestStatus;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => ClientAccessLogPerson, { nullable: true, description: 'Who produced the answer' })
  answeredBy: ClientAccessLogPerson | null;

  @Field(() => Date)
  recordedAt: Date;
}

@InputType({ description: 'Lokitietopyynnön kirjaus' })
export class RecordClientAccessLogRequestInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => LocalDateScalar, { description: 'The day the request reached the county; not in the future' })
  receivedOn: LocalDate;

  @Field(() => String, { nullable: true, description: 'User id of the worker who received the request; the caller when left out' })
  receivedBy?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Start of the period the client asks about; the 2 years before the request when left out' })
  requestedFrom?: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Erityinen syy: required when the period starts more than 2 years before the request' })
  specialReason?: string | null;
}
