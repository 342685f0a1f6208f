import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventPublisher, WorkerRegistered } from '@asw/events';
import { conflict } from '@asw/platform';
import { WorkerEntity } from './worker.entity';
import { validateWorker, WorkerInput } from './worker.rules';

/** Registers a worker; one worker per user id (CONFLICT naming the existing worker); publishes WorkerRegistered. */
@Injectable()
export class RegisterWorkerCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: WorkerInput, correlationId: string): Promise<WorkerEntity> {
    const worker = validateWorker(input);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(WorkerEntity)
        .values({ id: randomUUID(), ...worker })
        .orIgnore()
        .returning('*')
        .execute();
      if (inserted.raw.length === 0) {
        const existing = await manager.getRepository(WorkerEntity).findOneByOrFail({ userId: worker.userId });
        throw conflict(`A worker with this user id is already registered: ${existing.id}`, { existingWorkerId: existing.id });
      }
      const registered = await manager.getRepository(WorkerEntity).findOneByOrFail({ userId: worker.userId });
      await this.events.publish(
        manager,
        WorkerRegistered,
        { workerId: registered.id, userId: registered.userId, role: registered.role, team: registered.team, registeredAt: registered.registeredAt.toISOString() },
        { subject: registered.id, correlationId },
      );
      return registered;
    });
  }
}
