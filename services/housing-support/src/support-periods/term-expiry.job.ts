import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import type { AppLogger } from '@asw/platform';
import { LOGGER, runPeriodically } from '@asw/subgraph';
import { SupportPeriodCommands } from './support-period.command';

/** Periods end on their end date: every hour, running periods whose fixed term is over are ended. */
@Injectable()
export class TermExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private stop?: () => void;

  constructor(
    private readonly periods: SupportPeriodCommands,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    // Printing the schema builds the app without a database: nothing to run then.
    if (!this.dataSource.isInitialized) return;
    this.stop = runPeriodically('housing-support-term-expiry', () => this.periods.endExpired(todayInFinland()), this.logger);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
