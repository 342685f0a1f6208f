import type { AppMetrics } from '@asw/platform';
import type { EventsStatus } from './events-status';

const seconds = (at: Date | null | undefined) => (at ? at.getTime() / 1000 : 0);

/**
 * The event flow of one service as Prometheus metrics (names kept from the first hand-written
 * exposition, so dashboards and alerts reading them still hold), refreshed from one status snapshot
 * per scrape. `status` resolves null when the event tables cannot be read (database down); `kafka`
 * says whether a broker answers.
 */
export function registerEventMetrics(metrics: AppMetrics, source: { status(): Promise<EventsStatus | null>; kafkaUp(): Promise<boolean> }): void {
  const gauge = (name: string, help: string, labelNames: string[] = []) => metrics.gauge({ name, help, labelNames });
  const counter = (name: string, help: string) => metrics.counter({ name, help });
  const statusUp = gauge('asw_events_status_up', 'Whether the event status could be read (database reachable).');
  const kafkaUp = gauge('asw_kafka_up', 'Whether a Kafka broker answered this service at the last scrape (1) or not (0).');
  const outboxPending = gauge('asw_events_outbox_pending', 'Outbox rows committed but not yet published to Kafka.');
  const oldestPending = gauge('asw_events_outbox_oldest_pending_age_seconds', 'Age of the oldest unpublished outbox row (0 when none).');
  const published = counter('asw_events_published_total', 'Outbox rows published to Kafka by this process.');
  const lag = gauge('asw_events_consumer_lag', 'Messages not yet consumed per topic partition (high watermark minus committed offset).', ['topic', 'partition']);
  const deadLetters = gauge('asw_events_dead_letters', 'Dead letters not yet replayed.');
  const parked = gauge('asw_events_parked', 'Events parked because this build cannot read their type or version.');
  const applied = counter('asw_events_applied_total', 'Events applied by handlers in this process.');
  const duplicates = counter('asw_events_duplicates_total', 'Redelivered events the inbox skipped.');
  const handlerFailures = counter('asw_events_handler_failures_total', 'Failed handler tries.');
  const transientFailures = counter('asw_events_transient_failures_total', 'Consumer tries the database refused (waited out, never dead-lettered).');
  const failing = gauge('asw_events_component_failing', 'Whether the relay or the consumer is held up by a failure right now (1) or healthy (0).', ['component']);
  const deadLettered = counter('asw_events_dead_lettered_total', 'Events dead-lettered by this process.');
  const parkedTotal = counter('asw_events_parked_total', 'Events parked by this process.');
  const lastError = gauge('asw_events_last_error_timestamp_seconds', 'When the relay or the consumer last failed (0 when never).', ['component']);
  const setCounter = (metric: ReturnType<typeof counter>, value: number | undefined) => {
    metric.reset();
    metric.inc(value ?? 0);
  };

  metrics.onScrape(async () => {
    const [status, kafka] = await Promise.all([source.status().catch(() => null), source.kafkaUp().catch(() => false)]);
    kafkaUp.set(kafka ? 1 : 0);
    statusUp.set(status ? 1 : 0);
    if (!status) return;
    const counters = status.consumer;
    outboxPending.set(status.outbox.pending);
    oldestPending.set(status.outbox.oldestPendingSeconds ?? 0);
    setCounter(published, status.outbox.published);
    lag.reset();
    for (const { topic, partition, lag: value } of status.consumerLag ?? []) lag.set({ topic, partition: String(partition) }, value);
    deadLetters.set(status.deadLetters);
    parked.set(status.parked);
    setCounter(applied, counters?.applied);
    setCounter(duplicates, counters?.duplicates);
    setCounter(handlerFailures, counters?.handlerFailures);
    setCounter(transientFailures, counters?.transientFailures);
    setCounter(deadLettered, counters?.deadLettered);
    setCounter(parkedTotal, counters?.parked);
    failing.set({ component: 'relay' }, status.components?.relay?.error ? 1 : 0);
    failing.set({ component: 'consumer' }, status.components?.consumer?.error ? 1 : 0);
    lastError.set({ component: 'relay' }, seconds(status.lastErrors.relay?.at));
    lastError.set({ component: 'consumer' }, seconds(status.lastErrors.consumer?.at));
  });
}
