import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, requireUser } from '@asw/subgraph';
import { CLIENT_READERS, WORKER_ADMINS } from '../access/client-access';
import { assertEnumValue, WorkerRole } from '../domain';
import { RegisterWorkerCommand } from './register-worker.command';
import { RegisterWorkerInput, Worker } from './worker.model';
import { WorkerQueries } from './worker.queries';

@Resolver(() => Worker)
export class WorkerResolver {
  constructor(
    private readonly registerWorker: RegisterWorkerCommand,
    private readonly queries: WorkerQueries,
  ) {}

  @Mutation(() => Worker, { name: 'registerWorker', description: 'Registers a worker with a role and team (team lead only).' })
  register(@Args('input') input: RegisterWorkerInput, @Ctx() ctx: GraphContext): Promise<Worker> {
    requireUser(ctx.identity, ...WORKER_ADMINS);
    return this.registerWorker.execute(input, ctx.correlationId);
  }

  @Query(() => [Worker], { name: 'workers', description: 'Workers, optionally of one team and one role, by team and name.' })
  workers(
    @Args('team', { type: () => String, nullable: true }) team: string | null,
    @Args('role', { type: () => WorkerRole, nullable: true }) role: WorkerRole | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Worker[]> {
    requireUser(ctx.identity, ...CLIENT_READERS);
    return this.queries.list(team?.trim() || null, role ? assertEnumValue('role', WorkerRole, role) : null);
  }
}
