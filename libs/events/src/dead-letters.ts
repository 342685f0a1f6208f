import type { DataSource } from 'typeorm';
import type { AppLogger } from '@asw/platform';
import { ConsumedMessage, HeldMessage, heldMessageOf, Queryable } from './consumed-message';
import type { EventEnvelope } from './envelope';
import { EventDefinition, knownVersions } from './event-definition';
import { describeError } from './event-errors';
import { eventCatalog } from './catalog';
import { applyEvents, EventHandler } from './inbox';
import { dispositionOf, indexHandlers } from './message-disposition';

export interface DeadLetter extends HeldMessage {
  error: string;
  attempts: number;
  failedAt: Date;
  replayedAt: Date | null;
  replayError: string | null;
}

/** The body of a message on `<topic>.dlq`: the original, why it failed, and where it came from. */
export interface DeadLetterMessage {
  /** The original envelope as received; null when the message was not JSON (then `rawValue` holds it, base64). */
  envelope: unknown;
  rawValue?: string;
  error: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  attempts: number;
  failedAt: string;
}

export function deadLetterMessage(consumer: string, message: ConsumedMessage, error: string, attempts: number, failedAt: Date): DeadLetterMessage {
  let envelope: unknown = null;
  let rawValue: string | undefined;
  try {
    envelope = message.value === null ? null : JSON.parse(message.value.toString('utf8'));
  } catch {
    rawValue = message.value?.toString('base64');
  }
  return {
    envelope,
    ...(rawValue === undefined ? {} : { rawValue }),
    error,
    consumer,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    attempts,
    failedAt: failedAt.toISOString(),
  };
}

/** Records a dead letter in the consuming service's database; once per Kafka message however often it is redelivered. */
export async function recordDeadLetter(
  db: Queryable,
  message: ConsumedMessage,
  envelope: Pick<EventEnvelope, 'id' | 'type' | 'version'> | null,
  error: string,
  attempts: number,
  failedAt: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO dead_letter (event_id, event_type, event_version, topic, partition, kafka_offset, message_key, message_value, error, attempts, failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (topic, partition, kafka_offset) DO NOTHING`,
    [
      envelope?.id ?? null,
      envelope?.type ?? null,
      envelope?.version ?? null,
      message.topic,
      message.partition,
      message.offset,
      message.key?.toString('utf8') ?? null,
      message.value,
      error,
      attempts,
      failedAt,
    ],
  );
}

function toDeadLetter(row: any): DeadLetter {
  return {
    ...heldMessageOf(row),
    error: row.error,
    attempts: row.attempts,
    failedAt: row.failed_at,
    replayedAt: row.replayed_at,
    replayError: row.replay_error,
  };
}

export async function listDeadLetters(db: Queryable, options: { includeReplayed?: boolean } = {}): Promise<DeadLetter[]> {
  const rows: any[] = await db.query(`SELECT * FROM dead_letter ${options.includeReplayed ? '' : 'WHERE replayed_at IS NULL'} ORDER BY id`);
  return rows.map(toDeadLetter);
}

export interface ReplayOutcome {
  id: string;
  eventId: string | null;
  eventType: string | null;
  /** applied: the handler ran now; already-applied: the inbox had it (e.g. redelivered meanwhile); failed: still cannot apply. */
  outcome: 'applied' | 'already-applied' | 'failed';
  error?: string;
}

export interface ReplayOptions {
  /** Only these dead letters; default all not yet replayed. */
  ids?: string[];
  /** Event types this build knows besides its handlers (default the production catalog). */
  catalog?: readonly EventDefinition<any>[];
  logger?: AppLogger;
}

/**
 * Re-applies dead letters after a fix, through the inbox like any delivery, so an event applies once
 * however often it is replayed. A replayed dead letter is marked in the same transaction as the
 * handler's writes; one that still fails keeps its place, with the new error, for the next attempt.
 */
export async function replayDeadLetters(dataSource: DataSource, handlers: readonly EventHandler[], options: ReplayOptions = {}): Promise<ReplayOutcome[]> {
  const byType = indexHandlers(handlers);
  const known = knownVersions([...(options.catalog ?? eventCatalog), ...handlers.map((handler) => handler.event)]);
  const ids: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM dead_letter WHERE replayed_at IS NULL ${options.ids ? 'AND id = ANY($1::bigint[])' : ''} ORDER BY id`,
    options.ids ? [options.ids] : [],
  );
  const outcomes: ReplayOutcome[] = [];
  for (const { id } of ids) {
    let outcome: ReplayOutcome | undefined;
    try {
      outcome = await dataSource.transaction(async (manager) => {
        // SKIP LOCKED: two operators replaying at once never both work on one dead letter.
        const [row] = await manager.query(`SELECT * FROM dead_letter WHERE id = $1 AND replayed_at IS NULL FOR UPDATE SKIP LOCKED`, [id]);
        if (!row) return undefined;
        const letter = toDeadLetter(row);
        const base = { id: letter.id, eventId: letter.eventId, eventType: letter.eventType };
        const disposition = dispositionOf(letter.value, byType, known);
        if (disposition.kind !== 'apply') {
          const error = disposition.kind === 'reject' ? disposition.error : disposition.kind === 'park' ? disposition.reason : 'no handler for this event type';
          await manager.query(`UPDATE dead_letter SET replay_error = $2 WHERE id = $1`, [id, error]);
          return { ...base, outcome: 'failed' as const, error };
        }
        const { applied } = await applyEvents(manager, [disposition]);
        await manager.query(`UPDATE dead_letter SET replayed_at = now(), replay_error = NULL WHERE id = $1`, [id]);
        return { ...base, outcome: applied === 1 ? ('applied' as const) : ('already-applied' as const) };
      });
    } catch (error) {
      const description = describeError(error);
      await dataSource.query(`UPDATE dead_letter SET replay_error = $2 WHERE id = $1`, [id, description]);
      const [row] = await dataSource.query(`SELECT event_id, event_type FROM dead_letter WHERE id = $1`, [id]);
      outcome = { id: String(id), eventId: row?.event_id ?? null, eventType: row?.event_type ?? null, outcome: 'failed', error: description };
    }
    if (!outcome) continue;
    options.logger?.[outcome.outcome === 'failed' ? 'warn' : 'info'](
      { deadLetterId: outcome.id, eventId: outcome.eventId, type: outcome.eventType, outcome: outcome.outcome, err: outcome.error },
      'dead letter replay',
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
