import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { EventsStatus } from '@asw/events';
import { EventsRuntime, findEventsRuntime, withTimeout } from './events.runtime';

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withTimeout(probe);
    return 'up';
  } catch {
    return 'down';
  }
}

/** The event flow as readiness shows it: counts and last errors (messages only, never payloads). */
function eventsDetail(status: EventsStatus | null) {
  if (!status) return null;
  return {
    outboxPending: status.outbox.pending,
    outboxOldestPendingSeconds: status.outbox.oldestPendingSeconds,
    consumerLag: status.consumerLag,
    deadLetters: status.deadLetters,
    parked: status.parked,
    // Now (state, since, the failure holding it up: null once recovered) and the last failure with its time.
    relay: status.components.relay,
    consumer: status.components.consumer,
  };
}

/**
 * Liveness says the process runs; readiness says it can serve: its database answers. Kafka's state
 * shows in the detail (and in /metrics as asw_kafka_up) but does not make the service unready: while
 * Kafka is down, writes wait in the outbox and the relay publishes them when it is back, so taking
 * every subgraph out of its Service would only turn a delay into an outage. Readiness also shows the
 * event flow (backlog, lag, dead letters, parked, last errors) for operators.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Looked up per request: at construction time the runtime may not be instantiated yet. */
  private get events(): EventsRuntime | undefined {
    return findEventsRuntime(this.moduleRef);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(HttpStatus.OK)
  async ready() {
    const events = this.events;
    const database = await check(() => this.dataSource.query('SELECT 1'));
    const kafka = events ? await check(() => events.checkKafka()) : 'down';
    const status = database === 'up' && events ? await withTimeout(() => events.status()).catch(() => null) : null;
    const body = {
      status: database === 'up' ? 'ok' : 'unavailable',
      checks: { database, kafka },
      events: eventsDetail(status),
    };
    if (body.status !== 'ok') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
