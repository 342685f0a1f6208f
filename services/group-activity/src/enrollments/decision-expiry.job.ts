import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import type { AppLogger } from '@asw/platform';
import { LOGGER, runPeriodically } from '@asw/subgraph';
import { EnrollmentCommands } from './enrollment.command';

/** A decision expired → the place ends and the queue entry is removed: checked every hour. */
@Injectable()
export class DecisionExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private stop?: () => void;

  constructor(
    private readonly enrollments: EnrollmentCommands,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    // Printing the schema builds the app without a database: nothing to run then.
    if (!this.dataSource.isInitialized) return;
    this.stop = runPeriodically('group-activity-decision-expiry', () => this.enrollments.endExpired(todayInFinland()), this.logger);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
