import { Controller, Get, Header } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EventsStatus } from '@asw/events';
import { EventsRuntime, findEventsRuntime } from './events.runtime';
import { MetricFamily, PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './prometheus';

const seconds = (at: Date | null | undefined) => (at ? at.getTime() / 1000 : 0);

/** The event flow of one service as Prometheus metric families. */
export function eventMetrics(service: string, status: EventsStatus | null): MetricFamily[] {
  const s = { service };
  const families: MetricFamily[] = [
    { name: 'asw_events_status_up', help: 'Whether the event status could be read (database reachable).', type: 'gauge', samples: [{ labels: s, value: status ? 1 : 0 }] },
  ];
  if (!status) return families;
  const counters = status.consumer;
  const counter = (name: string, help: string, value: number | undefined): MetricFamily => ({ name, help, type: 'counter', samples: [{ labels: s, value: value ?? 0 }] });
  families.push(
    { name: 'asw_events_outbox_pending', help: 'Outbox rows committed but not yet published to Kafka.', type: 'gauge', samples: [{ labels: s, value: status.outbox.pending }] },
    {
      name: 'asw_events_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none).',
      type: 'gauge',
      samples: [{ labels: s, value: status.outbox.oldestPendingSeconds ?? 0 }],
    },
    counter('asw_events_published_total', 'Outbox rows published to Kafka by this process.', status.outbox.published),
    {
      name: 'asw_events_consumer_lag',
      help: 'Messages not yet consumed per topic partition (high watermark minus committed offset).',
      type: 'gauge',
      samples: (status.consumerLag ?? []).map(({ topic, partition, lag }) => ({ labels: { ...s, topic, partition }, value: lag })),
    },
    { name: 'asw_events_dead_letters', help: 'Dead letters not yet replayed.', type: 'gauge', samples: [{ labels: s, value: status.deadLetters }] },
    { name: 'asw_events_parked', help: 'Events parked because this build cannot read their type or version.', type: 'gauge', samples: [{ labels: s, value: status.parked }] },
    counter('asw_events_applied_total', 'Events applied by handlers in this process.', counters?.applied),
    counter('asw_events_duplicates_total', 'Redelivered events the inbox skipped.', counters?.duplicates),
    counter('asw_events_handler_failures_total', 'Failed handler tries.', counters?.handlerFailures),
    counter('asw_events_transient_failures_total', 'Consumer tries the database refused (waited out, never dead-lettered).', counters?.transientFailures),
    {
      name: 'asw_events_component_failing',
      help: 'Whether the relay or the consumer is held up by a failure right now (1) or healthy (0).',
      type: 'gauge',
      samples: [
        { labels: { ...s, component: 'relay' }, value: status.components?.relay?.error ? 1 : 0 },
        { labels: { ...s, component: 'consumer' }, value: status.components?.consumer?.error ? 1 : 0 },
      ],
    },
    counter('asw_events_dead_lettered_total', 'Events dead-lettered by this process.', counters?.deadLettered),
    counter('asw_events_parked_total', 'Events parked by this process.', counters?.parked),
    {
      name: 'asw_events_last_error_timestamp_seconds',
      help: 'When the relay or the consumer last failed (0 when never).',
      type: 'gauge',
      samples: [
        { labels: { ...s, component: 'relay' }, value: seconds(status.lastErrors.relay?.at) },
        { labels: { ...s, component: 'consumer' }, value: seconds(status.lastErrors.consumer?.at) },
      ],
    },
  );
  return families;
}

/** GET /metrics: Prometheus scrape endpoint of one subgraph. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** Looked up per request: at construction time the runtime may not be instantiated yet. */
  private get events(): EventsRuntime | undefined {
    return findEventsRuntime(this.moduleRef);
  }

  @Get()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  async metrics(): Promise<string> {
    const events = this.events;
    if (!events) return renderPrometheus([]);
    const status = await events.status().catch(() => null);
    return renderPrometheus(eventMetrics(events.service, status));
  }
}
