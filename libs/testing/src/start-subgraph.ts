import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Identity, signGatewayIdentity, GATEWAY_IDENTITY_HEADER } from '@asw/auth';
import type { ServiceConfig } from '@asw/platform';
import { createSubgraphApp, EventsRuntime, SubgraphDefinition } from '@asw/subgraph';
import { createTestDatabase, testKafkaBrokers, uniqueSuffix } from './test-database';

/** The secret tests' gateway and subgraphs share; test-only, like everything in this library. */
export const TEST_GATEWAY_IDENTITY_SECRET = 'test-only-gateway-identity-secret-0123456789';

export interface RunningSubgraph {
  app: INestApplication;
  url: string;
  config: ServiceConfig;
  dataSource: DataSource;
  events: EventsRuntime;
  close(): Promise<void>;
}

export function testTopicPrefix(): string {
  return `t${uniqueSuffix()}.`;
}

/** Starts one real subgraph (own fresh database, real Kafka) on an ephemeral port. */
export async function startSubgraph(definition: SubgraphDefinition, overrides: Partial<ServiceConfig> = {}): Promise<RunningSubgraph> {
  const config: ServiceConfig = {
    NODE_ENV: 'test',
    LOG_LEVEL: (process.env.LOG_LEVEL as ServiceConfig['LOG_LEVEL']) ?? 'warn',
    PORT: 0,
    DATABASE_URL: overrides.DATABASE_URL ?? (await createTestDatabase(definition.name)),
    KAFKA_BROKERS: testKafkaBrokers(),
    KAFKA_TOPIC_PREFIX: testTopicPrefix(),
    GATEWAY_IDENTITY_SECRET: TEST_GATEWAY_IDENTITY_SECRET,
    ...overrides,
  };
  const app = await createSubgraphApp(definition, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}/graphql`,
    config,
    dataSource: app.get(DataSource),
    events: app.get(EventsRuntime),
    close: () => app.close(),
  };
}

/** Headers that make a direct subgraph call look as if the gateway sent it for this caller. */
export async function gatewayHeaders(identity: Identity, secret = TEST_GATEWAY_IDENTITY_SECRET): Promise<Record<string, string>> {
  return { [GATEWAY_IDENTITY_HEADER]: await signGatewayIdentity(identity, secret) };
}

export const TEST_WORKER: Identity = {
  kind: 'user',
  userId: 'worker-test-1',
  roles: ['SOCIAL_WORKER'],
  team: 'team-test',
  organisation: 'test-county',
};
