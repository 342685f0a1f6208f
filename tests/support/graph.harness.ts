import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Identity, signAccessToken } from '@asw/auth';
import { loadConfig } from '@asw/platform';
import type { ServiceName } from '@asw/events';
import { GraphQLResponse, postGraphQL, RunningSubgraph, startSubgraph, TEST_GATEWAY_IDENTITY_SECRET, testTopicPrefix } from '@asw/testing';
import { createGatewayApp } from '../../gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../gateway/src/gateway.config';
import { SUBGRAPHS } from '../../tools/graph';

/** Test-only token settings, the same shape production takes from its identity provider. */
export const TEST_AUTH = {
  issuer: 'https://auth.test.asw.invalid',
  audience: 'asw-graph-test',
  jwtSecret: 'test-only-user-token-secret-0123456789abcdef',
};

export interface RunningGraph {
  url: string;
  subgraphs: Record<string, RunningSubgraph>;
  token(identity: Identity, ttlSeconds?: number): Promise<string>;
  request<D = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<D>>;
  close(): Promise<void>;
}

/**
 * The whole graph in this process: four real subgraphs on real PostgreSQL (fresh databases) and
 * Kafka (a fresh topic namespace), composed into a supergraph the way the build does, behind the real
 * gateway. Only the processes are shared; every byte goes over HTTP and Kafka as in production.
 */
export async function startGraph(): Promise<RunningGraph> {
  const prefix = testTopicPrefix();
  const running = await Promise.all(SUBGRAPHS.map((entry) => startSubgraph(entry.definition, { KAFKA_TOPIC_PREFIX: prefix })));
  const composed = composeServices(
    SUBGRAPHS.map((entry, index) => ({
      name: entry.definition.name,
      url: running[index].url,
      typeDefs: parse(printSubgraphSchema(running[index].app.get(GraphQLSchemaHost).schema)),
    })),
  );
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join('; ')}`);
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'asw-supergraph-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const gateway: INestApplication = await createGatewayApp(
    loadConfig(gatewayConfigSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      PORT: '0',
      SUPERGRAPH_PATH: supergraphPath,
      AUTH_ISSUER: TEST_AUTH.issuer,
      AUTH_AUDIENCE: TEST_AUTH.audience,
      AUTH_JWT_SECRET: TEST_AUTH.jwtSecret,
      GATEWAY_IDENTITY_SECRET: TEST_GATEWAY_IDENTITY_SECRET,
    }),
  );
  await gateway.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}/graphql`;
  const subgraphs = Object.fromEntries(SUBGRAPHS.map((entry, index) => [entry.definition.name, running[index]])) as Record<ServiceName, RunningSubgraph>;

  return {
    url,
    subgraphs,
    token: (identity, ttlSeconds = 600) => signAccessToken(identity, TEST_AUTH, ttlSeconds),
    request: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
    close: async () => {
      await gateway.close();
      await Promise.all(running.map((subgraph) => subgraph.close()));
    },
  };
}
