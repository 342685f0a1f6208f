import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { ClientAccessJustified, EventEnvelope, EventHandler, PayloadOf } from '@asw/events';

type Payload = PayloadOf<typeof ClientAccessJustified>;

/**
 * The justified accesses every service admits (case writes them as they are granted, the others keep
 * them from `ClientAccessJustified`). Only the reason code: the free text stays in case's database.
 */
export class JustifiedAccessTable1763800000005 implements MigrationInterface {
  name = 'JustifiedAccessTable1763800000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE justified_access (
        grant_id   uuid        PRIMARY KEY,
        client_id  uuid        NOT NULL,
        actor_id   text        NOT NULL,
        reason     text        NOT NULL,
        granted_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX justified_access_actor_client ON justified_access (actor_id, client_id, expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE justified_access`);
  }
}

export interface JustifiedGrant {
  grantId: string;
  clientId: string;
  actorId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

/** Stores a grant (idempotent on its id), in the caller's transaction. */
export async function storeJustifiedAccess(manager: Pick<EntityManager, 'query'>, grant: JustifiedGrant): Promise<void> {
  await manager.query(
    `INSERT INTO justified_access (grant_id, client_id, actor_id, reason, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (grant_id) DO NOTHING`,
    [grant.grantId, grant.clientId, grant.actorId, grant.reason, grant.grantedAt, grant.expiresAt],
  );
}

/** A grant in force now (this library's one statement of it, for every query of the table). */
const IN_FORCE = 'granted_at <= now() AND expires_at > now()';

/**
 * SQL for the clients the actor named by `actorParam` (a query parameter, e.g. `:userId`) holds an
 * access with justification in force for: for narrowing a list query to the caller's clients.
 */
export function justifiedClientsSql(actorParam: string): string {
  return `SELECT client_id FROM justified_access WHERE actor_id = ${actorParam} AND ${IN_FORCE}`;
}

/** The reason of the actor's grant in force now for each client (latest expiry first), or null. */
export async function activeJustifications(manager: Pick<EntityManager, 'query'>, actorId: string, clientIds: readonly string[]): Promise<Array<string | null>> {
  const rows: Array<{ client_id: string; reason: string }> = await manager.query(
    `SELECT DISTINCT ON (client_id) client_id, reason FROM justified_access
      WHERE actor_id = $1 AND client_id = ANY($2::uuid[]) AND ${IN_FORCE}
      ORDER BY client_id, expires_at DESC`,
    [actorId, clientIds],
  );
  const byClient = new Map(rows.map((row) => [row.client_id, row.reason]));
  return clientIds.map((id) => byClient.get(id) ?? null);
}

/** Every service but case learns of justified accesses from case's events (added by the library). */
@Injectable()
export class ClientAccessJustifiedHandler implements EventHandler<Payload> {
  readonly event = ClientAccessJustified;

  handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    return storeJustifiedAccess(manager, payload);
  }
}
