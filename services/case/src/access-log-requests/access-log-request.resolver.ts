import { Args, Directive, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { conflict } from '@asw/platform';
import { AccessLogEntry, ClientAccessLogAnswer, Ctx, GraphContext, letterFields, parseId, requireUser } from '@asw/subgraph';
import { namePeople } from './access-log-people';
import {
  AccessLogLetterRow, AccessLogRequestCommands, AccessLogRequestRow, answerPeriod, requestRow, ServiceEntries,
} from './access-log-request.commands';
import { ClientAccessLogLetter, ClientAccessLogRequest, ClientAccessLogRequestStatus, RecordClientAccessLogRequestInput } from './access-log-request.model';

/** Who handles a client's request for their access log: the tietosuojavastaava (DOMAIN.md roles: reads access and disclosure logs). */
const HANDLER = 'AUDITOR';
/** The access-log category of the requests and their answers. */
const CATEGORY = 'case:accessLogRequests';

/** What the letter needs of each other service's log (the gateway fetches it before the letter is made). */
const ENTRY = 'recordedAt log actorKind actorId actorRoles organisation action basis outcome';
const OTHER_SERVICES = { housingSupport: 'housing-support', benefitsHandling: 'benefits-handling', groupActivity: 'group-activity' } as const;

function toLetter(row: AccessLogLetterRow): ClientAccessLogLetter {
  return {
    ...letterFields({ language: row.language, contentType: row.content_type, content: row.content, sha256: row.sha256, retentionClass: row.retention_class, createdAt: row.created_at }),
    requestId: row.request_id,
    entryCount: row.entry_count,
    people: row.people,
  };
}

@Resolver(() => ClientAccessLogRequest)
export class ClientAccessLogRequestResolver {
  constructor(
    private readonly commands: AccessLogRequestCommands,
    private readonly dataSource: DataSource,
  ) {}

  private async toRequest(rows: AccessLogRequestRow[]): Promise<ClientAccessLogRequest[]> {
    const actors = rows.flatMap((row) => [row.received_by, ...(row.answered_by ? [row.answered_by] : [])]).map((actorId) => ({ actorKind: 'user', actorId, actorRoles: [], organisation: '' }));
    const people = await namePeople(this.dataSource, actors, 'FI');
    const today = todayInFinland();
    const person = (actorId: string) => people.get(`user:${actorId}`)!;
    return rows.map((row) => ({
      id: row.id,
      clientId: row.client_id,
      receivedOn: row.received_on,
      receivedBy: person(row.received_by),
      answerDueOn: row.answer_due_on,
      overdue: row.status === 'OPEN' && today > row.answer_due_on,
      periodFrom: row.period_from,
      olderEntries: row.older_entries,
      specialReason: row.special_reason,
      status: row.status as ClientAccessLogRequestStatus,
      answeredAt: row.answered_at,
      answeredBy: row.answered_by ? person(row.answered_by) : null,
      recordedAt: row.recorded_at,
    }));
  }

  @Query(() => [ClientAccessLogRequest], {
    description: 'Lokitietopyynnöt (AUDITOR): open ones by default, the nearest answer deadline first, with overdue flags; optionally one client’s',
  })
  async clientAccessLogRequests(
    @Args('status', { type: () => ClientAccessLogRequestStatus, nullable: true, defaultValue: ClientAccessLogRequestStatus.OPEN }) status: ClientAccessLogRequestStatus,
    @Args('clientId', { type: () => ID, nullable: true }) clientId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<ClientAccessLogRequest[]> {
    requireUser(ctx.identity, HANDLER);
    const client = clientId == null ? null : parseId(clientId, 'clientId');
    const rows: AccessLogRequestRow[] = await this.dataSource.query(
      `SELECT * FROM client_access_log_request WHERE status = $1 AND ($2::uuid IS NULL OR client_id = $2) ORDER BY answer_due_on, received_on, id LIMIT 1000`,
      [status, client],
    );
    for (const row of rows) ctx.access.read(row.client_id, CATEGORY);
    return this.toRequest(rows);
  }

  @Query(() => ClientAccessLogRequest, { description: 'One lokitietopyyntö (AUDITOR)' })
  async clientAccessLogRequest(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<ClientAccessLogRequest> {
    requireUser(ctx.identity, HANDLER);
    const row = await requestRow(this.dataSource, id);
    ctx.access.read(row.client_id, CATEGORY);
    return (await this.toRequest([row]))[0];
  }

  @ResolveField(() => ClientAccessLogLetter, { name: 'letter', nullable: true, description: 'Vastauskirje (PDF); null until answered' })
  async letter(@Parent() request: ClientAccessLogRequest, @Ctx() ctx: GraphContext): Promise<ClientAccessLogLetter | null> {
    requireUser(ctx.identity, HANDLER);
    ctx.access.read(request.clientId, CATEGORY);
    const [row] = await this.dataSource.query(`SELECT * FROM client_access_log_letter WHERE request_id = $1`, [request.id]);
    return row ? toLetter(row) : null;
  }

  @Mutation(() => ClientAccessLogRequest, {
    description: 'Kirjaa lokitietopyyntö (AUDITOR; laki 703/2023 11 §): who received it and when, for which client; the answer is due in 2 months (150/1930 3 § and 5 §), covering the last 2 years unless a special reason is given',
  })
  async recordClientAccessLogRequest(@Args('input') input: RecordClientAccessLogRequestInput, @Ctx() ctx: GraphContext): Promise<ClientAccessLogRequest> {
    const user = requireUser(ctx.identity, HANDLER);
    const row = await this.commands.record(input, user);
    ctx.access.changed(row.client_id, CATEGORY);
    return (await this.toRequest([row]))[0];
  }

  @Mutation(() => ClientAccessLogAnswer, {
    description:
      'Vastaa lokitietopyyntöön (AUDITOR): gathers every service’s log for the request’s period; selecting `letter` names each person (name, title, organisation), renders the letter in the client’s language, stores it and marks the request answered, in one transaction',
  })
  async answerClientAccessLogRequest(@Args('requestId', { type: () => ID }) requestId: string, @Ctx() ctx: GraphContext): Promise<ClientAccessLogAnswer> {
    requireUser(ctx.identity, HANDLER);
    const row = await requestRow(this.dataSource, requestId);
    if (row.status === 'ANSWERED') throw conflict('This request is already answered; its letter is on the request', { reason: 'ALREADY_ANSWERED' });
    ctx.access.read(row.client_id, CATEGORY);
    return { requestId: row.id, clientId: row.client_id, ...answerPeriod(row) };
  }
}

type AnswerWithEntries = ClientAccessLogAnswer & Partial<Record<keyof typeof OTHER_SERVICES, ServiceEntries[string]>>;

/**
 * The answer's letter, in the case service: the other services' entries reach it through the gateway
 * (`@requires`), as the auditor's report gathers them, so no service reads another's database.
 */
@Resolver(() => ClientAccessLogAnswer)
export class ClientAccessLogAnswerResolver {
  constructor(private readonly commands: AccessLogRequestCommands) {}

  @ResolveField('housingSupport', () => [AccessLogEntry])
  @Directive('@external')
  housingSupport(@Parent() answer: AnswerWithEntries) {
    return answer.housingSupport ?? [];
  }

  @ResolveField('benefitsHandling', () => [AccessLogEntry])
  @Directive('@external')
  benefitsHandling(@Parent() answer: AnswerWithEntries) {
    return answer.benefitsHandling ?? [];
  }

  @ResolveField('groupActivity', () => [AccessLogEntry])
  @Directive('@external')
  groupActivity(@Parent() answer: AnswerWithEntries) {
    return answer.groupActivity ?? [];
  }

  @ResolveField('letter', () => ClientAccessLogLetter, { description: 'Vastauskirje: made, stored and the request marked answered when first resolved; the stored letter after that' })
  @Directive(`@requires(fields: "housingSupport { ${ENTRY} } benefitsHandling { ${ENTRY} } groupActivity { ${ENTRY} }")`)
  async letter(@Parent() answer: AnswerWithEntries, @Ctx() ctx: GraphContext): Promise<ClientAccessLogLetter> {
    const user = requireUser(ctx.identity, HANDLER);
    const others: ServiceEntries = {};
    for (const [field, service] of Object.entries(OTHER_SERVICES)) others[service] = answer[field as keyof typeof OTHER_SERVICES] ?? [];
    const row = await this.commands.answer(answer.requestId, { from: answer.from, to: answer.to }, others, user);
    ctx.access.changed(answer.clientId, CATEGORY);
    ctx.access.read(answer.clientId, 'case:accessLog');
    return toLetter(row);
  }
}
