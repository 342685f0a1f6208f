import { Args, Directive, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput } from '@asw/platform';
import type { ServiceName } from '@asw/events';
import { Ctx, GraphContext } from '../graph-context';
import { requireUser } from '../authorization';
import { parseId } from '../ids';

@ObjectType('AccessLogEntry', { description: 'One line of a service’s käyttöloki (ACCESS) or luovutusloki (DISCLOSURE).' })
@Directive('@shareable')
export class AccessLogEntry {
  @Field()
  recordedAt: Date;
  @Field({ description: 'ACCESS (a worker read or changed client data) or DISCLOSURE (an answer to a partner)' })
  log: string;
  @Field()
  correlationId: string;
  @Field({ description: 'user or partner' })
  actorKind: string;
  @Field({ description: 'The worker’s user id, or the partner’s client id' })
  actorId: string;
  @Field(() => [String])
  actorRoles: string[];
  @Field()
  organisation: string;
  @Field()
  operation: string;
  @Field({ description: 'READ or CHANGE' })
  action: string;
  @Field(() => [String], { description: 'What data, as service:category' })
  categories: string[];
  @Field({ description: 'The right or relationship used, or why access was refused' })
  basis: string;
  @Field({ description: 'ALLOWED or REFUSED' })
  outcome: string;
}

/**
 * "Who processed or received my data" (Act 703/2023) for one client and period: each service adds
 * its own log as a field (case, housingSupport, benefitsHandling, groupActivity), so one query
 * gathers them all. For AUDITOR only.
 */
@ObjectType('ClientAccessReport')
@Directive('@key(fields: "clientId from to")')
export class ClientAccessReport {
  @Field(() => ID)
  clientId: string;
  @Field({ description: 'Start of the period (inclusive)' })
  from: Date;
  @Field({ description: 'End of the period (exclusive)' })
  to: Date;
}

/**
 * Refusals recorded with no client id (an unknown id, a role refusal, a malformed reference), which
 * `ClientAccessReport` cannot show: by actor (`*` for all) and period, from every service. AUDITOR only.
 */
@ObjectType('AccessRefusalReport')
@Directive('@key(fields: "actor from to")')
export class AccessRefusalReport {
  @Field({ description: 'The worker’s user id or the partner’s client id; * for every actor' })
  actor: string;
  @Field({ description: 'Start of the period (inclusive)' })
  from: Date;
  @Field({ description: 'End of the period (exclusive)' })
  to: Date;
}

/**
 * The answer to a client's request for their access log (Act 703/2023): the same per-service fields as
 * `ClientAccessReport`, for the request's period, returned only by the case service's
 * `answerClientAccessLogRequest`; the case service renders them into the answer letter. AUDITOR only.
 */
@ObjectType('ClientAccessLogAnswer', { description: 'Vastaus lokitietopyyntöön: every service’s log entries for the request’s period, and the letter made from them' })
@Directive('@key(fields: "requestId clientId from to")')
export class ClientAccessLogAnswer {
  @Field(() => ID)
  requestId: string;
  @Field(() => ID)
  clientId: string;
  @Field({ description: 'Start of the period the answer covers (inclusive)' })
  from: Date;
  @Field({ description: 'End of the period (exclusive): when the request was received' })
  to: Date;
}

const camelCase = (name: string) => name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());

function checkPeriod(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badInput('from must be before to', { reason: 'EMPTY_PERIOD', field: 'from' });
}

function refusalReport(actor: string, from: Date, to: Date): AccessRefusalReport {
  checkPeriod(from, to);
  const trimmed = String(actor ?? '').trim();
  if (!trimmed || trimmed.length > 200) throw badInput('actor must name a worker or partner, or * for all', { reason: 'INVALID_ACTOR', field: 'actorId' });
  return { actor: trimmed, from, to };
}

const toEntry = (row: any): AccessLogEntry => ({
  recordedAt: row.recorded_at,
  log: row.log,
  correlationId: row.correlation_id,
  actorKind: row.actor_kind,
  actorId: row.actor_id,
  actorRoles: row.actor_roles,
  organisation: row.organisation,
  operation: row.operation,
  action: row.action,
  categories: row.categories,
  basis: row.basis,
  outcome: row.outcome,
});

/** The service's log entries for one client and period, oldest first. */
export async function clientLogEntries(db: Pick<DataSource, 'query'>, clientId: string, from: Date, to: Date): Promise<AccessLogEntry[]> {
  const rows: any[] = await db.query(`SELECT * FROM access_log WHERE client_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at, id`, [clientId, from, to]);
  return rows.map(toEntry);
}

function answer(reference: { requestId: string; clientId: string; from: string | Date; to: string | Date }): ClientAccessLogAnswer {
  const from = new Date(reference.from);
  const to = new Date(reference.to);
  checkPeriod(from, to);
  return { requestId: parseId(reference.requestId, 'requestId'), clientId: parseId(reference.clientId, 'clientId'), from, to };
}

function report(clientId: string, from: Date, to: Date): ClientAccessReport {
  checkPeriod(from, to);
  return { clientId: parseId(clientId, 'clientId'), from, to };
}

/** The resolvers every subgraph runs for the access report; the service that owns `Client` also answers the root query. */
export function accessReportResolvers(service: ServiceName, ownsClient: boolean): Type<unknown>[] {
  @Resolver(() => ClientAccessReport)
  class AccessReportResolver {
    constructor(private readonly dataSource: DataSource) {}

    @ResolveReference()
    resolveReference(reference: { clientId: string; from: string; to: string }): ClientAccessReport {
      return report(reference.clientId, new Date(reference.from), new Date(reference.to));
    }

    @ResolveField(camelCase(service), () => [AccessLogEntry], { description: `The ${service} service’s log entries for the client in the period` })
    async entries(@Parent() parent: ClientAccessReport, @Ctx() ctx: GraphContext): Promise<AccessLogEntry[]> {
      requireUser(ctx.identity, 'AUDITOR');
      return clientLogEntries(this.dataSource, parent.clientId, parent.from, parent.to);
    }
  }

  @Resolver(() => ClientAccessLogAnswer)
  class AccessLogAnswerResolver {
    constructor(private readonly dataSource: DataSource) {}

    /** Keeps whatever else the gateway sends (the case service's letter requires the other services' entries). */
    @ResolveReference()
    resolveReference(reference: { requestId: string; clientId: string; from: string; to: string }): ClientAccessLogAnswer {
      return { ...reference, ...answer(reference) };
    }

    @ResolveField(camelCase(service), () => [AccessLogEntry], { description: `The ${service} service’s log entries for the client in the request’s period` })
    async entries(@Parent() parent: ClientAccessLogAnswer, @Ctx() ctx: GraphContext): Promise<AccessLogEntry[]> {
      requireUser(ctx.identity, 'AUDITOR');
      // Answering the client is itself on record (who produced it, for whom), in every service that answers.
      ctx.access.read(parent.clientId, 'accessLog');
      return clientLogEntries(this.dataSource, parent.clientId, parent.from, parent.to);
    }
  }

  @Resolver(() => AccessRefusalReport)
  class RefusalReportResolver {
    constructor(private readonly dataSource: DataSource) {}

    @ResolveReference()
    resolveReference(reference: { actor: string; from: string; to: string }): AccessRefusalReport {
      return refusalReport(reference.actor, new Date(reference.from), new Date(reference.to));
    }

    @ResolveField(camelCase(service), () => [AccessLogEntry], { description: `The ${service} service’s refusals recorded without a client in the period` })
    async entries(@Parent() parent: AccessRefusalReport, @Ctx() ctx: GraphContext): Promise<AccessLogEntry[]> {
      requireUser(ctx.identity, 'AUDITOR');
      const rows: any[] = await this.dataSource.query(
        `SELECT * FROM access_log WHERE client_id IS NULL AND outcome = 'REFUSED' AND recorded_at >= $1 AND recorded_at < $2 AND ($3 = '*' OR actor_id = $3)
          ORDER BY recorded_at, id LIMIT 1000`,
        [parent.from, parent.to, parent.actor],
      );
      return rows.map(toEntry);
    }
  }

  @Resolver()
  class AccessReportQuery {
    @Query(() => AccessRefusalReport, { description: 'Refusals recorded with no client (e.g. an unknown id), by actor (* for all) and period, from every service (AUDITOR); at most 1000 per service' })
    accessRefusals(
      @Args('from') from: Date,
      @Args('to') to: Date,
      @Args('actorId', { type: () => String, nullable: true, description: 'One worker’s user id or partner’s client id; all when left out' }) actorId: string | null,
      @Ctx() ctx: GraphContext,
    ): AccessRefusalReport {
      requireUser(ctx.identity, 'AUDITOR');
      return refusalReport(actorId ?? '*', from, to);
    }

    @Query(() => ClientAccessReport, { description: 'Who processed or received the client’s data between from and to (AUDITOR)' })
    clientAccessReport(
      @Args('clientId', { type: () => ID }) clientId: string,
      @Args('from') from: Date,
      @Args('to') to: Date,
      @Ctx() ctx: GraphContext,
    ): ClientAccessReport {
      requireUser(ctx.identity, 'AUDITOR');
      return report(clientId, from, to);
    }
  }

  return ownsClient
    ? [AccessReportResolver, RefusalReportResolver, AccessLogAnswerResolver, AccessReportQuery]
    : [AccessReportResolver, RefusalReportResolver, AccessLogAnswerResolver];
}
