import { ConsumedMessage, EventIdentity, HeldMessage, heldMessageOf, Queryable } from './consumed-message';

export interface ParkedEvent extends HeldMessage {
  reason: string;
  parkedAt: Date;
}

/** Keeps a message this build cannot read yet. Recorded once per Kafka message however often it is redelivered. */
export async function parkEvent(db: Queryable, message: ConsumedMessage, event: EventIdentity, reason: string): Promise<void> {
  await db.query(
    `INSERT INTO parked_event (event_id, event_type, event_version, topic, partition, kafka_offset, message_key, message_value, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (topic, partition, kafka_offset) DO NOTHING`,
    [event.id, event.type, event.version, message.topic, message.partition, message.offset, message.key?.toString('utf8') ?? null, message.value, reason],
  );
}

export async function listParkedEvents(db: Queryable): Promise<ParkedEvent[]> {
  const rows: any[] = await db.query(`SELECT * FROM parked_event ORDER BY id`);
  return rows.map((row) => ({
    ...heldMessageOf(row),
    reason: row.reason,
    parkedAt: row.parked_at,
  }));
}
