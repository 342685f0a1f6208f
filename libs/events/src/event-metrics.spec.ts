import { AppMetrics, parsePrometheusSamples } from '@asw/platform';
import { registerEventMetrics } from './event-metrics';
import type { EventsStatus } from './events-status';

const status: EventsStatus = {
  outbox: { pending: 4, oldestPendingSeconds: 1.5, published: 10 },
  deadLetters: 2,
  parked: 1,
  consumerLag: [{ topic: 'case.events', partition: 0, lag: 7 }],
  consumer: { applied: 9, duplicates: 1, skipped: 0, parked: 1, deadLettered: 2, handlerFailures: 6, transientFailures: 3 },
  components: {
    relay: { state: 'kafka-unreachable', since: new Date(4000), error: { message: 'y', at: new Date(4000) }, lastError: { message: 'y', at: new Date(4000) } },
    consumer: { state: 'consuming', since: new Date(6000), error: null, lastError: { message: 'x', at: new Date(5000) } },
  },
  lastErrors: { relay: null, consumer: { message: 'x', at: new Date(5000) }, lag: null },
};

describe('registerEventMetrics (prom-client, the names the hand-written exposition had)', () => {
  it('reports that the status is unreadable, and Kafka down, when they are', async () => {
    const metrics = new AppMetrics('case');
    registerEventMetrics(metrics, { status: async () => null, kafkaUp: async () => false });
    const text = await metrics.render();
    expect(text).toContain('asw_events_status_up{service="case"} 0\n');
    expect(text).toContain('asw_kafka_up{service="case"} 0\n');
  });

  it('reports backlog, lag per partition, dead letters, parked, counters and last errors', async () => {
    const metrics = new AppMetrics('group-activity');
    let current = status;
    registerEventMetrics(metrics, { status: async () => current, kafkaUp: async () => true });
    const text = await metrics.render();
    const samples = parsePrometheusSamples(text);
    for (const line of [
      'asw_events_status_up{service="group-activity"} 1',
      'asw_kafka_up{service="group-activity"} 1',
      'asw_events_outbox_pending{service="group-activity"} 4',
      'asw_events_outbox_oldest_pending_age_seconds{service="group-activity"} 1.5',
      'asw_events_published_total{service="group-activity"} 10',
      'asw_events_consumer_lag{partition="0",service="group-activity",topic="case.events"} 7',
      'asw_events_dead_letters{service="group-activity"} 2',
      'asw_events_parked{service="group-activity"} 1',
      'asw_events_applied_total{service="group-activity"} 9',
      'asw_events_duplicates_total{service="group-activity"} 1',
      'asw_events_handler_failures_total{service="group-activity"} 6',
      'asw_events_transient_failures_total{service="group-activity"} 3',
      'asw_events_dead_lettered_total{service="group-activity"} 2',
      'asw_events_parked_total{service="group-activity"} 1',
      'asw_events_component_failing{component="relay",service="group-activity"} 1',
      'asw_events_component_failing{component="consumer",service="group-activity"} 0',
      'asw_events_last_error_timestamp_seconds{component="consumer",service="group-activity"} 5',
      'asw_events_last_error_timestamp_seconds{component="relay",service="group-activity"} 0',
    ]) {
      const [key, value] = line.split(' ');
      expect([key, samples.get(key)]).toEqual([key, Number(value)]);
    }
    expect(text).toContain('# TYPE asw_events_applied_total counter\n');
    // The next scrape shows the next snapshot: counters are the process's totals, partitions that went away go.
    current = { ...status, consumerLag: [], consumer: { ...status.consumer!, applied: 12 } };
    const next = await metrics.render();
    expect(next).toContain('asw_events_applied_total{service="group-activity"} 12\n');
    expect(next).not.toContain('asw_events_consumer_lag{');
  });
});
