import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AppMetrics } from '@asw/platform';
import { APP_METRICS } from './tokens';

/** The pg pool under a TypeORM DataSource (postgres driver). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** Database pool use of one service: connections open, idle, in use, callers waiting, and the pool's size. */
export function registerPoolMetrics(metrics: AppMetrics, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
  metrics.gauge({
    name: 'asw_db_pool_connections',
    help: 'Database pool connections by state (idle, in_use) and callers waiting for one (waiting).',
    labelNames: ['state'],
    collect() {
      const current = pool();
      if (!current) return;
      this.set({ state: 'idle' }, current.idleCount);
      this.set({ state: 'in_use' }, current.totalCount - current.idleCount);
      this.set({ state: 'waiting' }, current.waitingCount);
    },
  });
  metrics.gauge({
    name: 'asw_db_pool_max_connections',
    help: 'The most connections the database pool opens.',
    collect() {
      const max = pool()?.options?.max;
      if (max !== undefined) this.set(max);
    },
  });
}

/** GET /metrics: the Prometheus scrape endpoint of one subgraph (prom-client, libs/platform AppMetrics). */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(APP_METRICS) private readonly metrics: AppMetrics) {}

  @Get()
  async metricsText(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}
