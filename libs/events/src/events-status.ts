import type { Admin } from 'kafkajs';
import type { Queryable } from './consumed-message';
import { describeError, ErrorRecord } from './event-errors';
import type { ComponentHealth } from './component-health';
import type { ConsumerCounters, ConsumerState, EventConsumer } from './event-consumer';
import type { OutboxRelay, RelayState } from './outbox-relay';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages on the partition the group has not committed yet: high watermark − committed offset. */
  lag: number;
}

/** What operators need to see of a service's event flow; one snapshot for readiness and metrics. */
export interface EventsStatus {
  outbox: { pending: number; oldestPendingSeconds: number | null; published: number };
  /** Dead letters not yet replayed. */
  deadLetters: number;
  parked: number;
  /** Null when Kafka could not be asked. */
  consumerLag: PartitionLag[] | null;
  consumer: ConsumerCounters | null;
  /** What relay and consumer are doing now, with the failure holding them up (null once they recover). */
  components: { relay: ComponentHealth<RelayState> | null; consumer: ComponentHealth<ConsumerState> | null };
  /** The most recent failure of each, with its time, kept after recovery. */
  lastErrors: { relay: ErrorRecord | null; consumer: ErrorRecord | null; lag: string | null };
}

/**
 * Lag per partition of the topics a group reads. A partition the group never committed counts from
 * the low watermark (it starts from the beginning).
 */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  const committed = await admin.fetchOffsets({ groupId, topics });
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const watermarks = new Map((await admin.fetchTopicOffsets(topic)).map((offsets) => [offsets.partition, offsets]));
    for (const { partition, offset } of partitions) {
      const marks = watermarks.get(partition);
      if (!marks) continue;
      const from = Number(offset) >= 0 ? Number(offset) : Number(marks.low);
      lags.push({ topic, partition, lag: Math.max(0, Number(marks.high) - from) });
    }
  }
  return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Counts from the event tables, in one round trip (partial indexes keep it cheap). */
export async function eventTableCounts(db: Queryable): Promise<{ outboxPending: number; oldestPendingSeconds: number | null; deadLetters: number; parked: number }> {
  const [row] = await db.query(`
    SELECT (SELECT count(*)::int FROM outbox WHERE sent_at IS NULL) AS outbox_pending,
           (SELECT extract(epoch FROM now() - min(created_at))::float FROM outbox WHERE sent_at IS NULL) AS oldest_pending_seconds,
           (SELECT count(*)::int FROM dead_letter WHERE replayed_at IS NULL) AS dead_letters,
           (SELECT count(*)::int FROM parked_event) AS parked`);
  return { outboxPending: row.outbox_pending, oldestPendingSeconds: row.oldest_pending_seconds, deadLetters: row.dead_letters, parked: row.parked };
}

export async function readEventsStatus(parts: { db: Queryable; admin?: Admin; relay?: OutboxRelay; consumer?: EventConsumer }): Promise<EventsStatus> {
  const { db, admin, relay, consumer } = parts;
  const counts = await eventTableCounts(db);
  let lag: PartitionLag[] | null = null;
  let lagError: string | null = null;
  if (admin && consumer) {
    try {
      lag = await consumerLag(admin, consumer.groupId, consumer.topics);
    } catch (error) {
      lagError = describeError(error);
    }
  }
  return {
    outbox: { pending: counts.outboxPending, oldestPendingSeconds: counts.oldestPendingSeconds, published: relay?.published ?? 0 },
    deadLetters: counts.deadLetters,
    parked: counts.parked,
    consumerLag: lag,
    consumer: consumer ? { ...consumer.counters } : null,
    components: { relay: relay?.status ?? null, consumer: consumer?.status ?? null },
    lastErrors: { relay: relay?.lastError ?? null, consumer: consumer?.lastError ?? null, lag: lagError },
  };
}
