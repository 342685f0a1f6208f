import { eventMetrics } from './metrics.controller';
import { renderPrometheus } from './prometheus';

describe('renderPrometheus', () => {
  it('writes HELP, TYPE and samples with escaped labels', () => {
    const text = renderPrometheus([
      { name: 'x_total', help: 'Things\ncounted', type: 'counter', samples: [{ labels: { a: 'q"\\\n' }, value: 3 }, { value: NaN }] },
    ]);
    expect(text).toBe('# HELP x_total Things\\ncounted\n# TYPE x_total counter\nx_total{a="q\\"\\\\\\n"} 3\nx_total NaN\n');
  });
});

describe('eventMetrics', () => {
  it('reports only that the status is unreadable when it is', () => {
    expect(renderPrometheus(eventMetrics('case', null))).toContain('asw_events_status_up{service="case"} 0');
  });

  it('reports backlog, lag per partition, dead letters, parked and last errors', () => {
    const text = renderPrometheus(
      eventMetrics('group-activity', {
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
      }),
    );
    for (const line of [
      'asw_events_outbox_pending{service="group-activity"} 4',
      'asw_events_consumer_lag{service="group-activity",topic="case.events",partition="0"} 7',
      'asw_events_dead_letters{service="group-activity"} 2',
      'asw_events_parked{service="group-activity"} 1',
      'asw_events_applied_total{service="group-activity"} 9',
      'asw_events_transient_failures_total{service="group-activity"} 3',
      'asw_events_component_failing{service="group-activity",component="relay"} 1',
      'asw_events_component_failing{service="group-activity",component="consumer"} 0',
      'asw_events_last_error_timestamp_seconds{service="group-activity",component="consumer"} 5',
      'asw_events_last_error_timestamp_seconds{service="group-activity",component="relay"} 0',
    ]) {
      expect(text).toContain(`${line}\n`);
    }
  });
});
