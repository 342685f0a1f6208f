import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@asw/subgraph';
import { GroupKind, SessionTheme, Weekday } from '../domain';

registerEnumType(GroupKind, { name: 'RehabilitationGroupKind', description: 'Ryhmän muoto' });
registerEnumType(SessionTheme, { name: 'SessionTheme', description: 'Tapaamiskerran teema' });
registerEnumType(Weekday, { name: 'Weekday', description: 'Viikonpäivä' });

@ObjectType('GroupSession', { description: 'Tapaamiskerta: one meeting of a group, generated from its schedule.' })
export class GroupSession {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1-based order within the group' })
  sequence: number;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => String, { description: 'Local start time HH:MM (Europe/Helsinki)' })
  startTime: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => SessionTheme)
  theme: SessionTheme;
}

@ObjectType('RehabilitationGroup', { description: 'Kuntouttava ryhmä: a social rehabilitation group (SHL §17).' })
export class RehabilitationGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => GroupKind)
  kind: GroupKind;

  @Field(() => Int, { description: 'Paikkamäärä' })
  capacity: number;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => String)
  startTime: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => [SessionTheme], { description: 'Themes in rotation order' })
  themes: SessionTheme[];

  @Field(() => Weekday, { nullable: true, description: 'IN_PERSON_WEEKLY: the weekday the group meets' })
  weekday: Weekday | null;

  @Field(() => Int, { nullable: true, description: 'REMOTE_PERIOD: the number of sessions' })
  sessionCount: number | null;

  @Field(() => String, { nullable: true, description: 'REMOTE_PERIOD: the remote meeting link (https)' })
  meetingUrl: string | null;

  @Field(() => [String], { description: 'Ohjaajat: worker ids of the facilitators' })
  facilitatorIds: string[];
}

@InputType({ description: 'Ohjaajat: the workers who run the group from now on' })
export class SetGroupFacilitatorsInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => [String])
  facilitatorIds: string[];
}

@InputType({ description: 'A new rehabilitation group; sessions are generated from its schedule' })
export class CreateRehabilitationGroupInput {
  @Field(() => String)
  name: string;

  @Field(() => GroupKind)
  kind: GroupKind;

  @Field(() => Int)
  capacity: number;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => String, { description: 'HH:MM' })
  startTime: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => [SessionTheme])
  themes: SessionTheme[];

  @Field(() => Weekday, { nullable: true, description: 'Required for IN_PERSON_WEEKLY' })
  weekday: Weekday | null;

  @Field(() => Int, { nullable: true, description: 'Required for REMOTE_PERIOD' })
  sessionCount: number | null;

  @Field(() => String, { nullable: true, description: 'Required for REMOTE_PERIOD' })
  meetingUrl: string | null;

  @Field(() => [String])
  facilitatorIds: string[];
}
