import type { Queryable } from './consumed-message';

export interface RetentionOptions {
  /** Sent outbox rows older than this are deleted; unsent rows never are. */
  outboxRetentionMs: number;
  /** Inbox ids older than this are deleted: keep it longer than the topics' retention, so no message still on Kafka can be applied twice. */
  inboxRetentionMs: number;
  /** Rows per DELETE, so pruning a large backlog never holds long locks. */
  chunk?: number;
}

async function deleteInChunks(db: Queryable, sql: string, params: unknown[], chunk: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [, count]: [unknown, number] = await db.query(sql, [...params, chunk]);
    total += count;
    if (count < chunk) return total;
  }
}

/** Deletes what the event tables no longer need; returns how many rows went. */
export async function pruneEventTables(db: Queryable, options: RetentionOptions, now = new Date()): Promise<{ outbox: number; inbox: number }> {
  const chunk = options.chunk ?? 5000;
  const outbox = await deleteInChunks(
    db,
    `DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1 LIMIT $2)`,
    [new Date(now.getTime() - options.outboxRetentionMs)],
    chunk,
  );
  const inbox = await deleteInChunks(
    db,
    `DELETE FROM inbox WHERE event_id IN (SELECT event_id FROM inbox WHERE received_at < $1 LIMIT $2)`,
    [new Date(now.getTime() - options.inboxRetentionMs)],
    chunk,
  );
  return { outbox, inbox };
}
