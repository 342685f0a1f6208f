import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Identity, signAccessToken } from '@asw/auth';
import { freePort } from '@asw/infra';
import { findPersonalIdentityCodes } from '@asw/personal-identity-code';
import type { ServiceName } from '@asw/events';
import { DEVELOPMENT_SECRETS, type ServiceConfig } from '@asw/platform';
import {
  gatewayHeaders,
  GraphQLResponse,
  postGraphQL,
  readAllMessages,
  startReadyProcess,
  startSubgraphProcess,
  SubgraphProcess,
  TEST_GATEWAY_IDENTITY_SECRET,
  TEST_WORKER,
  testTopicPrefix,
  TsProcess,
} from '@asw/testing';
import { SUBGRAPHS } from '../../tools/graph';

/** Test-only token settings, the same shape production takes from its identity provider. */
export const TEST_AUTH = {
  issuer: 'https://auth.test.asw.invalid',
  audience: 'asw-graph-test',
  jwtSecret: DEVELOPMENT_SECRETS.testAccessToken,
};

export interface RunningGateway {
  url: string;
  request<D = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<D>>;
  /** A raw POST of any body (batches, persisted operations, oversized payloads). */
  post(body: string, token?: string): Promise<Response>;
  process: TsProcess;
  close(): Promise<void>;
}

/** A second process of one subgraph (same database, same consumer group) and the round-robin HTTP proxy the gateway reaches both through. */
export interface SubgraphReplicas {
  replicas: SubgraphProcess[];
  /** Requests each replica answered, by index. */
  served: number[];
}

export interface RunningGraph extends RunningGateway {
  subgraphs: Record<ServiceName, SubgraphProcess>;
  /** With startGraph's `replicas` option: the replicated subgraphs. */
  replicated: Partial<Record<ServiceName, SubgraphReplicas>>;
  token(identity: Identity, ttlSeconds?: number): Promise<string>;
  /** Another gateway on the same subgraphs, with these settings (e.g. NODE_ENV=production). */
  startGateway(env: Record<string, string>): Promise<RunningGateway>;
  /** Everything the graph wrote so far: each app's log output and every Kafka message of this run. */
  sweep(): Promise<{ logs: string; messages: string[] }>;
}

/** The apps log at production's default level, so the identity-code sweep reads every line production would write. */
const LOG_LEVEL = (process.env.LOG_LEVEL ?? 'info') as ServiceConfig['LOG_LEVEL'];

async function fetchSdl(subgraph: SubgraphProcess): Promise<string> {
  const response = await postGraphQL<{ _service: { sdl: string } }>(subgraph.url, '{ _service { sdl } }', {}, await gatewayHeaders(TEST_WORKER));
  if (response.errors) throw new Error(`could not read the SDL of ${subgraph.url}: ${response.errors[0].message}`);
  return response.data!._service.sdl;
}

/**
 * The whole graph as it runs in production: four real subgraphs, each its own process, on real
 * PostgreSQL (fresh databases) and Kafka (a fresh topic namespace), composed into a supergraph the way
 * the build does, behind the real gateway (in the test's process). Every byte goes over HTTP and Kafka.
 */
export async function startGraph(gatewayEnv: Record<string, string> = {}, options: { replicas?: ServiceName[] } = {}): Promise<RunningGraph> {
  const prefix = testTopicPrefix();
  const started = await Promise.allSettled(SUBGRAPHS.map((entry) => startSubgraphProcess(entry, { KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL })));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const extra: Array<{ close(): Promise<unknown> }> = [];
  const closeAll = () => Promise.all([...running, ...extra].map((app) => app.close()));
  if (failed) {
    await closeAll();
    throw failed.reason;
  }
  try {
    const replicated: RunningGraph['replicated'] = {};
    const urls = new Map<string, string>();
    for (const name of options.replicas ?? []) {
      const index = SUBGRAPHS.findIndex((entry) => entry.name === name);
      const first = running[index];
      // The same database (already migrated by the first) and topic prefix: one service, two processes.
      const { PORT: _ownPort, ...shared } = first.config;
      const second = await startSubgraphProcess(SUBGRAPHS[index], shared);
      extra.push(second);
      const balancer = await startRoundRobinProxy([first.url, second.url]);
      extra.push(balancer);
      replicated[name] = { replicas: [first, second], served: balancer.served };
      urls.set(name, balancer.url);
    }
    return await startGatewayOn(running, gatewayEnv, prefix, { replicated, urls, extra });
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * What a platform's load balancer does in front of a service's replicas (a Kubernetes Service): each
 * request to the next replica in turn, skipping one that does not answer (connection refused).
 */
async function startRoundRobinProxy(upstreams: string[]): Promise<{ url: string; served: number[]; close(): Promise<void> }> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([key]) => !['host', 'content-length', 'connection'].includes(key))) as Record<string, string>;
      for (let tries = 0; tries < upstreams.length; tries++) {
        const index = next++ % upstreams.length;
        try {
          const answer = await fetch(upstreams[index], { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
          served[index]++;
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
          return;
        } catch {
          // this replica is gone: the next one
        }
      }
      response.writeHead(502).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/graphql`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startGatewayOn(
  running: SubgraphProcess[],
  gatewayEnv: Record<string, string>,
  prefix: string,
  replication: { replicated: RunningGraph['replicated']; urls: Map<string, string>; extra: Array<{ close(): Promise<unknown> }> } = { replicated: {}, urls: new Map(), extra: [] },
): Promise<RunningGraph> {
  const sdls = await Promise.all(running.map(fetchSdl));
  const composed = composeServices(
    SUBGRAPHS.map((entry, index) => ({ name: entry.name, url: replication.urls.get(entry.name) ?? running[index].url, typeDefs: parse(sdls[index]) })),
  );
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join('; ')}`);
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'asw-supergraph-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);
  const startGateway = (env: Record<string, string>) => startGatewayWith(supergraphPath, env);
  const gateway = await startGateway(gatewayEnv);
  const sweep = async () => ({
    logs: [gateway, ...running, ...Object.values(replication.replicated).map((entry) => entry!.replicas[1])].map((app) => app.process.log()).join('\n'),
    messages: await readAllMessages(prefix),
  });
  const subgraphs = Object.fromEntries(SUBGRAPHS.map((entry, index) => [entry.name, running[index]])) as Record<ServiceName, SubgraphProcess>;
  return {
    ...gateway,
    subgraphs,
    replicated: replication.replicated,
    startGateway,
    sweep,
    token: (identity, ttlSeconds = 600) => signAccessToken(identity, TEST_AUTH, ttlSeconds),
    // Every end-to-end file ends with the sweep: no personal identity code in any log line or Kafka message of its run.
    close: async () => {
      await gateway.close();
      await Promise.all([...running, ...replication.extra].map((app) => app.close()));
      const { logs, messages } = await sweep();
      const leaked = findPersonalIdentityCodes(logs).length + messages.flatMap(findPersonalIdentityCodes).length;
      if (leaked > 0) throw new Error(`${leaked} personal identity code(s) in this run's logs or Kafka messages`);
    },
  };
}

async function startGatewayWith(supergraphPath: string, env: Record<string, string>): Promise<RunningGateway> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const gateway = await startReadyProcess('gateway', 'gateway/src/main.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL,
    PORT: String(port),
    SUPERGRAPH_PATH: supergraphPath,
    AUTH_ISSUER: TEST_AUTH.issuer,
    AUTH_AUDIENCE: TEST_AUTH.audience,
    AUTH_JWT_SECRET: TEST_AUTH.jwtSecret,
    GATEWAY_IDENTITY_SECRET: TEST_GATEWAY_IDENTITY_SECRET,
    ...env,
  }, base);
  const url = `${base}/graphql`;
  const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return {
    url,
    process: gateway,
    request: (query, variables = {}, token) => postGraphQL(url, query, variables, bearer(token)),
    post: (body, token) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body }),
    close: () => gateway.stop('SIGTERM'),
  };
}
