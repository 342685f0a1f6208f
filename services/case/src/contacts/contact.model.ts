import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { ContactType, WorkerRole } from '../domain';
import { ContactSource } from './contact.entity';

registerEnumType(ContactType, {
  name: 'ContactType',
  description: 'OFFICE_VISIT asiakaskäynti, HOME_VISIT kotikäynti, PHONE puhelu, REMOTE etätapaaminen, GROUP_SESSION ryhmätapaaminen',
});
registerEnumType(ContactSource, { name: 'ContactSource', description: 'Where the contact was recorded: here, or reported by housing support or group activity' });

@ObjectType('Contact', { description: 'Yhteydenotto tai käynti' })
export class Contact {
  @Field(() => ID)
  id: string;

  @Field(() => ContactType)
  contactType: ContactType;

  @Field(() => LocalDateScalar)
  occurredOn: LocalDate;

  @Field(() => Int, { nullable: true })
  durationMinutes: number | null;

  @Field(() => String, { description: 'The worker: a registered worker’s id, or the id another service reported' })
  workerId: string;

  @Field(() => WorkerRole)
  workerRole: WorkerRole;

  @Field(() => String, { nullable: true })
  team: string | null;

  @Field(() => ContactSource)
  source: ContactSource;
}

@InputType({ description: 'Käynnin tai yhteydenoton kirjaus' })
export class RecordContactInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ContactType)
  type: ContactType;

  @Field(() => LocalDateScalar, { description: 'Not in the future' })
  occurredOn: LocalDate;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: 'The registered worker who met the client; the caller when absent' })
  workerId?: string | null;
}

@ObjectType('ContactStatisticsRow', { description: 'Käyntitilasto: one month of one worker role, counted by contact type, as units report visits' })
export class ContactStatisticsRow {
  @Field(() => String, { description: 'YYYY-MM' })
  month: string;

  @Field(() => WorkerRole)
  workerRole: WorkerRole;

  @Field(() => Int, { description: 'Asiakaskäynnit' })
  officeVisits: number;

  @Field(() => Int, { description: 'Kotikäynnit' })
  homeVisits: number;

  @Field(() => Int, { description: 'Puhelut' })
  phoneCalls: number;

  @Field(() => Int, { description: 'Etätapaamiset' })
  remoteMeetings: number;

  @Field(() => Int, { description: 'Ryhmätapaamiset' })
  groupSessions: number;

  @Field(() => Int, { description: 'Yhteensä' })
  total: number;
}
