import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '@asw/auth';
import type { ServiceConfig } from '@asw/platform';
import { createSubgraphApp, EventsRuntime, SubgraphDefinition } from '@asw/subgraph';
import { freePort } from '@asw/infra';
import { startTsProcess, TsProcess } from './child-process';
import { createServiceTestDatabase, testKafkaBrokers, uniqueSuffix } from './test-database';

import { registerSubgraphUrl, TEST_GATEWAY_IDENTITY_SECRET } from './test-identity';

export { gatewayHeaders, TEST_GATEWAY_IDENTITY_SECRET } from './test-identity';

export interface RunningSubgraph {
  app: INestApplication;
  url: string;
  config: ServiceConfig;
  /** A connection to the service's database as its owner role (the app runs as the service role). */
  dataSource: DataSource;
  events: EventsRuntime;
  close(): Promise<void>;
}

export function testTopicPrefix(): string {
  return `t${uniqueSuffix()}.`;
}

/** The service's database as production splits it: its own login role, and the owner role for migrations. */
async function testDatabaseUrls(name: string, overrides: Partial<ServiceConfig>): Promise<Pick<ServiceConfig, 'DATABASE_URL' | 'DATABASE_MIGRATION_URL'>> {
  if (overrides.DATABASE_URL) return { DATABASE_URL: overrides.DATABASE_URL, DATABASE_MIGRATION_URL: overrides.DATABASE_MIGRATION_URL };
  const database = await createServiceTestDatabase(name);
  return { DATABASE_URL: database.serviceUrl, DATABASE_MIGRATION_URL: database.migrationUrl };
}

async function testServiceConfig(name: string, overrides: Partial<ServiceConfig>): Promise<ServiceConfig> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: (process.env.LOG_LEVEL as ServiceConfig['LOG_LEVEL']) ?? 'warn',
    PORT: 0,
    ...(await testDatabaseUrls(name, overrides)),
    KAFKA_BROKERS: testKafkaBrokers(),
    KAFKA_TOPIC_PREFIX: testTopicPrefix(),
    GATEWAY_IDENTITY_SECRET: TEST_GATEWAY_IDENTITY_SECRET,
    ...overrides,
  };
}

/** Starts one real subgraph in this process (own fresh database, real Kafka) on an ephemeral port. */
export async function startSubgraph(definition: SubgraphDefinition, overrides: Partial<ServiceConfig> = {}): Promise<RunningSubgraph> {
  const config = await testServiceConfig(definition.name, overrides);
  const app = await createSubgraphApp(definition, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  registerSubgraphUrl(`http://127.0.0.1:${port}/graphql`, definition.name);
  // The test's own view of the database, as the owner role (fixtures, migrations run by hand, assertions);
  // the app itself runs as the service role.
  const dataSource = config.DATABASE_MIGRATION_URL
    ? await new DataSource({ type: 'postgres', url: config.DATABASE_MIGRATION_URL, entities: definition.entities }).initialize()
    : app.get(DataSource);
  return {
    app,
    url: `http://127.0.0.1:${port}/graphql`,
    config,
    dataSource,
    events: app.get(EventsRuntime),
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

export const TEST_WORKER: Identity = {
  kind: 'user',
  userId: 'worker-test-1',
  roles: ['SOCIAL_WORKER'],
  team: 'team-test',
  organisation: 'test-county',
};

export interface SubgraphProcess {
  url: string;
  config: ServiceConfig;
  /** A connection to the service's database (as its owner role), for assertions on what it wrote. */
  dataSource: DataSource;
  process: TsProcess;
  close(): Promise<void>;
}

/**
 * Starts one real subgraph as its own process, from its `src/main.ts`, as it runs in production; for
 * tests that run several subgraphs (NestJS keeps GraphQL type metadata in one store per process).
 * Resolves once it reports ready.
 */
export async function startSubgraphProcess(entry: { name: string; dir: string }, overrides: Partial<ServiceConfig> = {}): Promise<SubgraphProcess> {
  const config = await testServiceConfig(entry.name, { PORT: await freePort(), ...overrides });
  const env = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]));
  const base = `http://127.0.0.1:${config.PORT}`;
  const child = await startReadyProcess(entry.name, `${entry.dir}/src/main.ts`, env, base);
  // The test's own view of the database, as the owner role: assertions and fixtures, not the service's privileges.
  const dataSource = await new DataSource({ type: 'postgres', url: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL }).initialize();
  registerSubgraphUrl(`${base}/graphql`, entry.name);
  return {
    url: `${base}/graphql`,
    config,
    dataSource,
    process: child,
    close: async () => {
      await dataSource.destroy();
      await child.stop('SIGTERM');
    },
  };
}

/** Starts an app of this repository as its own process and resolves once its /health/ready answers 200. */
export async function startReadyProcess(name: string, entry: string, env: Record<string, string>, base: string): Promise<TsProcess> {
  const child = startTsProcess(entry, [], env);
  const deadline = Date.now() + 90_000;
  while ((await fetch(`${base}/health/ready`).catch(() => undefined))?.status !== 200) {
    if (!child.running() || Date.now() > deadline) {
      await child.stop();
      throw new Error(`${name} did not get ready: ${child.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}
