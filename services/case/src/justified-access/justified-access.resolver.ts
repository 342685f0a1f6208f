import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { ClientAccessJustified, EventPublisher } from '@asw/events';
import { badInput } from '@asw/platform';
import {
  ClientAccessReport,
  Ctx,
  GraphContext,
  JUSTIFICATION_REASONS,
  justifiedBasis,
  noRelationship,
  parseId,
  requireUser,
  storeJustifiedAccess,
  validateJustification,
} from '@asw/subgraph';
import { CLIENT_READERS } from '../access/client-access';

export enum JustificationReason {
  URGENT_CLIENT_SAFETY = 'URGENT_CLIENT_SAFETY',
  COVERING_ABSENT_WORKER = 'COVERING_ABSENT_WORKER',
  CLIENT_REQUEST_AT_SERVICE_POINT = 'CLIENT_REQUEST_AT_SERVICE_POINT',
  CASE_TRANSFER = 'CASE_TRANSFER',
  STATUTORY_REQUEST = 'STATUTORY_REQUEST',
}
registerEnumType(JustificationReason, {
  name: 'JustificationReason',
  description: 'Why a worker reaches a client’s records without a client relationship (access with justification)',
  valuesMap: {
    URGENT_CLIENT_SAFETY: { description: 'Kiireellinen asiakasturvallisuus: harm to the client or others is imminent' },
    COVERING_ABSENT_WORKER: { description: 'Sijaisuus: the named worker is away and the matter cannot wait' },
    CLIENT_REQUEST_AT_SERVICE_POINT: { description: 'The client, present, asks the worker to look at their matter' },
    CASE_TRANSFER: { description: 'The client’s matter moves to the caller’s team' },
    STATUTORY_REQUEST: { description: 'A statutory request for information answered by the county' },
  },
});
// The GraphQL enum and the library's list are one list.
if (Object.values(JustificationReason).join() !== JUSTIFICATION_REASONS.join()) throw new Error('JustificationReason and JUSTIFICATION_REASONS differ');

@InputType()
export class AccessWithJustificationInput {
  @Field(() => ID)
  clientId: string;
  @Field(() => JustificationReason)
  reason: JustificationReason;
  @Field({ description: 'What the task is, in plain words (10–1000 characters); auditors read it' })
  justification: string;
  @Field(() => Int, { nullable: true, description: 'How long it admits, 1–24 hours; 24 when left out' })
  hours?: number | null;
}

@ObjectType('JustifiedAccess', { description: 'One access with justification: who, to which client, why, until when.' })
export class JustifiedAccess {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  clientId: string;
  @Field()
  actorId: string;
  @Field()
  actorTeam: string;
  @Field(() => JustificationReason)
  reason: JustificationReason;
  @Field()
  justification: string;
  @Field()
  grantedAt: Date;
  @Field()
  expiresAt: Date;
}

const toGrant = (row: any): JustifiedAccess => ({
  id: row.grant_id,
  clientId: row.client_id,
  actorId: row.actor_id,
  actorTeam: row.actor_team,
  reason: row.reason,
  justification: row.justification,
  grantedAt: row.granted_at,
  expiresAt: row.expires_at,
});

@Injectable()
export class JustifiedAccessCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Validates, then in one transaction: the grant with its text, the grant that admits, and the event for
   * the other services. An unknown client id: null (the caller answers it as a client out of reach).
   */
  async grant(input: AccessWithJustificationInput, actor: { userId: string; team: string }, correlationId: string): Promise<JustifiedAccess | null> {
    const clientId = parseId(input.clientId, 'input.clientId');
    const valid = validateJustification(input);
    return this.dataSource.transaction(async (manager) => {
      const [client] = await manager.query(`SELECT id FROM client WHERE id = $1`, [clientId]);
      if (!client) return null;
      const grantedAt = new Date();
      const expiresAt = new Date(grantedAt.getTime() + valid.hours * 3600_000);
      const grantId = randomUUID();
      const [row] = await manager.query(
        `INSERT INTO justified_access_grant (grant_id, client_id, actor_id, actor_team, reason, justification, granted_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [grantId, clientId, actor.userId, actor.team, valid.reason, valid.justification, grantedAt, expiresAt],
      );
      const grant = { grantId, clientId, actorId: actor.userId, reason: valid.reason, grantedAt: grantedAt.toISOString(), expiresAt: expiresAt.toISOString() };
      await storeJustifiedAccess(manager, grant);
      await this.events.publish(manager, ClientAccessJustified, grant, { subject: clientId, correlationId });
      return toGrant(row);
    });
  }
}

function period(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badInput('from must be before to', { reason: 'EMPTY_PERIOD', field: 'from' });
}

/**
 * Access with justification (issue #13 item 1): a worker without a relationship reaches a client's
 * records in every service for a reason from the fixed list, for at most 24 hours; each read then goes
 * to the access log on the basis `justified:<REASON>`. Auditors review every grant.
 */
@Resolver(() => JustifiedAccess)
export class JustifiedAccessResolver {
  constructor(
    private readonly commands: JustifiedAccessCommands,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => JustifiedAccess, {
    name: 'accessClientWithJustification',
    description: 'Access with justification: reach a client’s records without a client relationship, for a reason and at most 24 hours; logged and reviewed by auditors.',
  })
  async accessWithJustification(@Args('input') input: AccessWithJustificationInput, @Ctx() ctx: GraphContext): Promise<JustifiedAccess> {
    const user = requireUser(ctx.identity, ...CLIENT_READERS);
    const grant = await this.commands.grant(input, user, ctx.correlationId);
    if (!grant) {
      // An unknown id answers as every out-of-reach id does (issue #13: no enumeration), and is on record without a client.
      ctx.access.refused(null, 'CHANGE', 'no client relationship', 'case:justifiedAccess');
      throw noRelationship();
    }
    ctx.access.admit(grant.clientId, justifiedBasis(grant.reason));
    ctx.access.changed(grant.clientId, 'case:justifiedAccess');
    return grant;
  }

  @Query(() => [JustifiedAccess], { name: 'justifiedAccesses', description: 'Every access with justification granted in the period, oldest first, optionally of one worker (AUDITOR): for review.' })
  async justifiedAccesses(
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('actorId', { type: () => String, nullable: true }) actorId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<JustifiedAccess[]> {
    requireUser(ctx.identity, 'AUDITOR');
    period(from, to);
    const rows = await this.dataSource.query(
      `SELECT * FROM justified_access_grant WHERE granted_at >= $1 AND granted_at < $2 AND ($3::text IS NULL OR actor_id = $3) ORDER BY granted_at, grant_id`,
      [from, to, actorId ?? null],
    );
    return rows.map(toGrant);
  }
}

/** ClientAccessReport.justifiedAccesses: the client's accesses with justification, a category of their own for auditors. */
@Resolver(() => ClientAccessReport)
export class ClientAccessReportJustifiedResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => [JustifiedAccess], { name: 'justifiedAccesses', description: 'Accesses with justification to the client granted in the period (each use is in the services’ logs on the basis justified:<REASON>)' })
  async justifiedAccesses(@Parent() report: ClientAccessReport, @Ctx() ctx: GraphContext): Promise<JustifiedAccess[]> {
    requireUser(ctx.identity, 'AUDITOR');
    const rows = await this.dataSource.query(
      `SELECT * FROM justified_access_grant WHERE client_id = $1 AND granted_at >= $2 AND granted_at < $3 ORDER BY granted_at, grant_id`,
      [report.clientId, report.from, report.to],
    );
    return rows.map(toGrant);
  }
}

@Module({ providers: [JustifiedAccessCommands, JustifiedAccessResolver, ClientAccessReportJustifiedResolver] })
export class JustifiedAccessModule {}
