import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** The event machinery's knobs, read from the environment at startup; every one has a production default. */
export const eventsConfigSchema = z
  .object({
    /** Tries of a failing handler before its event is dead-lettered. */
    EVENTS_HANDLER_MAX_ATTEMPTS: count(5),
    /** Delay before the second try; doubles per try up to EVENTS_HANDLER_RETRY_MAX_DELAY_MS. */
    EVENTS_HANDLER_RETRY_DELAY_MS: count(200, 0),
    EVENTS_HANDLER_RETRY_MAX_DELAY_MS: count(2000, 0),
    EVENTS_RELAY_BATCH_SIZE: count(500),
    EVENTS_RELAY_FALLBACK_POLL_MS: count(1000),
    EVENTS_OUTBOX_RETENTION_DAYS: count(7),
    /** Must exceed the Kafka topics' retention (7 days by default), so a redelivered old message still finds its inbox id. */
    EVENTS_INBOX_RETENTION_DAYS: count(30),
    EVENTS_HOUSEKEEPING_INTERVAL_MINUTES: count(60),
  })
  .refine((config) => config.EVENTS_INBOX_RETENTION_DAYS > 7, {
    message: 'must be longer than the Kafka topic retention (7 days)',
    path: ['EVENTS_INBOX_RETENTION_DAYS'],
  });
export type EventsConfig = z.infer<typeof eventsConfigSchema>;

export function retentionOf(config: EventsConfig) {
  return { outboxRetentionMs: config.EVENTS_OUTBOX_RETENTION_DAYS * DAY_MS, inboxRetentionMs: config.EVENTS_INBOX_RETENTION_DAYS * DAY_MS };
}
