import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseRelationshipsChanged, EventEnvelope, EventHandler, EventPublisher, PayloadOf } from '@asw/events';
import type { CaseRelationships } from './relationship.rules';

type Payload = PayloadOf<typeof CaseRelationshipsChanged>;

/** Keeps the latest snapshot per case; an older one arriving late changes nothing. */
async function storeCaseRelationships(manager: EntityManager, snapshot: CaseRelationships): Promise<void> {
  await manager.query(
    `INSERT INTO case_relationships (case_id, client_id, team, open, named_worker, co_workers, changed_at, client_wide)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (case_id) DO UPDATE SET client_id = EXCLUDED.client_id, team = EXCLUDED.team, open = EXCLUDED.open,
       named_worker = EXCLUDED.named_worker, co_workers = EXCLUDED.co_workers, changed_at = EXCLUDED.changed_at, client_wide = EXCLUDED.client_wide
     WHERE case_relationships.changed_at <= EXCLUDED.changed_at`,
    [snapshot.caseId, snapshot.clientId, snapshot.team, snapshot.open, snapshot.namedWorker, [...new Set(snapshot.coWorkers)].sort(), snapshot.changedAt, snapshot.clientWide !== false],
  );
}

/**
 * The case service's one call whenever who works on a case changes (opened, named worker or co-workers
 * assigned, closed): records the snapshot for its own checks and publishes it to the other services,
 * in the caller's transaction.
 */
export async function caseRelationshipsChanged(manager: EntityManager, publisher: EventPublisher, snapshot: CaseRelationships, correlationId: string): Promise<void> {
  await storeCaseRelationships(manager, snapshot);
  await publisher.publish(manager, CaseRelationshipsChanged, snapshot, { subject: snapshot.clientId, correlationId });
}

interface CaseRelationshipsRow {
  case_id: string;
  client_id: string;
  team: string;
  open: boolean;
  named_worker: string | null;
  co_workers: string[];
  changed_at: Date;
  client_wide: boolean;
}

const COLUMNS = `case_id, client_id, team, open, named_worker, co_workers, changed_at, client_wide`;

const snapshotOf = (row: CaseRelationshipsRow): CaseRelationships => ({
  caseId: row.case_id,
  clientId: row.client_id,
  team: row.team,
  open: row.open,
  namedWorker: row.named_worker,
  coWorkers: row.co_workers,
  clientWide: row.client_wide,
  changedAt: row.changed_at.toISOString(),
});

/** The cases of these clients with who works on them. */
export async function loadCaseRelationships(manager: EntityManager, clientIds: readonly string[]): Promise<CaseRelationships[]> {
  const rows: CaseRelationshipsRow[] = await manager.query(`SELECT ${COLUMNS} FROM case_relationships WHERE client_id = ANY($1::uuid[])`, [clientIds]);
  return rows.map(snapshotOf);
}

/**
 * The case service's operator command (`npm run events:republish-relationships`): every case's
 * snapshot, open and closed, into the outbox again, for a service that joins later or restores its
 * database. A service that already has a snapshot keeps it (it keeps the latest `changedAt`), and a
 * case changing meanwhile publishes a later one, so running it is always safe. One transaction per
 * batch; returns how many snapshots were published.
 */
export async function republishCaseRelationships(dataSource: DataSource, publisher: EventPublisher, correlationId: string, batchSize = 500): Promise<number> {
  let total = 0;
  let after: string | null = null;
  for (;;) {
    const rows: CaseRelationshipsRow[] = await dataSource.transaction(async (manager) => {
      const batch: CaseRelationshipsRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM case_relationships WHERE $1::uuid IS NULL OR case_id > $1::uuid ORDER BY case_id LIMIT $2`,
        [after, batchSize],
      );
      for (const row of batch) await publisher.publish(manager, CaseRelationshipsChanged, snapshotOf(row), { subject: row.client_id, correlationId });
      return batch;
    });
    total += rows.length;
    if (rows.length < batchSize) return total;
    after = rows[rows.length - 1].case_id;
  }
}

/** Every service but case learns who works on a case from case's events (added by the library). */
@Injectable()
export class CaseRelationshipsChangedHandler implements EventHandler<Payload> {
  readonly event = CaseRelationshipsChanged;

  handle(manager: EntityManager, { payload }: EventEnvelope<Payload>): Promise<void> {
    return storeCaseRelationships(manager, payload);
  }
}
