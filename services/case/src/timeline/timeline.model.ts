import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TimelineEntryKind, TimelineOrder } from '../domain';
import { PageInfo } from '../clients/client.model';

registerEnumType(TimelineEntryKind, { name: 'TimelineEntryKind', description: 'Aikajanan tapahtuman laji' });
registerEnumType(TimelineOrder, { name: 'TimelineOrder' });

@ObjectType('TimelineEntry', { description: 'Aikajanan tapahtuma: one thing that happened in the client’s process' })
export class TimelineEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => TimelineEntryKind)
  kind: TimelineEntryKind;

  @Field(() => Date, { description: 'When; things dated by day (contacts, measurements) at the start of that day' })
  at: Date;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => String)
  summary: string;
}

@ObjectType('TimelineEdge')
export class TimelineEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => TimelineEntryType)
  node: TimelineEntryType;
}

@ObjectType('Timeline', { description: 'Asiakkaan aikajana: initiation, assessment, plans, decisions, contacts, measurements, closing' })
export class TimelineConnection {
  @Field(() => [TimelineEdge])
  edges: TimelineEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
