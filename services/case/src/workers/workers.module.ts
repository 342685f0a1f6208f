import { Module } from '@nestjs/common';
import { RegisterWorkerCommand } from './register-worker.command';
import { WorkerQueries } from './worker.queries';
import { WorkerResolver } from './worker.resolver';

@Module({ providers: [WorkerResolver, WorkerQueries, RegisterWorkerCommand], exports: [WorkerQueries] })
export class WorkersModule {}
