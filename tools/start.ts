/**
 * `npm start [-- --no-seed] [--base-port N] [--postgres-port N] [--kafka-port N]`: the whole graph on this
 * machine. Provisions PostgreSQL and Kafka (DATABASE_URL / KAFKA_BROKERS if set, else Docker, else local
 * processes), builds the apps into a private folder and starts the four subgraphs and the gateway from it
 * as separate processes (as they run in production), seeds a small demo data set unless --no-seed, and
 * prints the gateway URL, a dev token and an example query. Ctrl-C stops everything it started.
 * tools/preflight.js has checked Node.js, Java and Maven first; tools/launch-start.js then compiles this run's
 * own copy of the code and runs this file from it (`node …/dist/tools/start.js`), so no other tool's build
 * can change what it runs. Local servers keep their data in .cache/postgres/dev and .cache/kafka/dev
 * (ASW_DEV_INSTANCE names other folders, e.g. for a second graph on the same machine).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEV_AUTH, signAccessToken } from '@asw/auth';
import { assertPortsFree, databaseUrl, ensureServiceDatabase, SetupError, provisionInfrastructure } from '@asw/infra';
import { ConfigError, configFields, createLogger, loadConfig } from '@asw/platform';
import { postGraphQL } from '../libs/testing/src/graphql-client';
import { devPorts, DevPorts, PortSettingError, subgraphUrlOverrides } from './dev-ports';
import { DEMO_SOCIAL_WORKER, seedDemoData } from './demo-seed';
import { SUBGRAPHS } from './graph';


const log = createLogger('dev-runner');
const children: ChildProcess[] = [];
let stopping = false;

const root = process.cwd(); // npm scripts run at the repository root
/**
 * This run's own build (tools/launch-start.js compiles it and runs this file from it): no other tool or
 * run writes there, and the launcher removes it when the graph stops.
 */
const buildDir = process.env.ASW_START_BUILD ?? '';

function startApp(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(buildDir, entry)], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log.error({ app: name, code, signal }, 'app exited; stopping the graph');
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitReady(name: string, port: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000}s`);
}

let infraStop: (() => Promise<void>) | undefined;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await infraStop?.();
  process.exit(code);
}

/**
 * The seeded cases' relationships reach the other subgraphs by events, a moment after the cases open: the
 * example query is printed once it answers in full, so the first one a newcomer runs is not refused.
 */
async function exampleAnswers(gatewayUrl: string, query: string, token: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await postGraphQL(gatewayUrl, query, {}, { authorization: `Bearer ${token}` });
    if (!response.errors) return;
    if (Date.now() > deadline) {
      log.warn({ codes: response.errors.map((error) => error.extensions?.code) }, 'the example query does not answer in full yet');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A setting `npm start` cannot use: one line, no stack trace, nothing started. */
class StartError extends Error {}

/** The settings, checked before anything is built or started. */
function settings(): { ports: DevPorts; seed: boolean; databasePrefix: string; instance: string } {
  let values: { 'no-seed'?: boolean; 'base-port'?: string; 'postgres-port'?: string; 'kafka-port'?: string };
  try {
    ({ values } = parseArgs({
      options: { 'no-seed': { type: 'boolean' }, 'base-port': { type: 'string' }, 'postgres-port': { type: 'string' }, 'kafka-port': { type: 'string' } },
    }));
  } catch (error) {
    throw new StartError(`${(error as Error).message} (npm start -- [--no-seed] [--base-port N] [--postgres-port N] [--kafka-port N])`);
  }
  const env = loadConfig(
    z.object({
      LOG_LEVEL: configFields.logLevel,
      /** Prefixes the per-service database names (e.g. two graphs on one PostgreSQL server). */
      ASW_DATABASE_PREFIX: z.string().regex(/^[a-z0-9_]*$/, 'must be lower-case letters, digits and _').default(''),
      /** Names the local servers' data folders (.cache/postgres/<name>, .cache/kafka/<name>). */
      ASW_DEV_INSTANCE: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and -').default('dev'),
    }),
  );
  const ports = devPorts({ basePort: values['base-port'], postgresPort: values['postgres-port'], kafkaPort: values['kafka-port'] }, process.env);
  return { ports, seed: !values['no-seed'], databasePrefix: env.ASW_DATABASE_PREFIX, instance: env.ASW_DEV_INSTANCE };
}

/** The apps' ports, checked before anything starts: a taken one names its holder and how to choose others. */
async function assertAppPortsFree(ports: DevPorts): Promise<void> {
  const wanted: Array<[string, number]> = [['the gateway', ports.gateway], ...SUBGRAPHS.map((entry): [string, number] => [`the ${entry.name} subgraph`, ports.subgraphs[entry.name]])];
  for (const [what, port] of wanted) {
    await assertPortsFree([port], what, `start on other ports with \`npm start -- --base-port ${ports.gateway + 1000}\` (or ASW_BASE_PORT): the gateway on that port, the subgraphs on the next four`);
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const { ports, seed: seeding, databasePrefix, instance } = settings();
  await assertAppPortsFree(ports);
  const infra = await provisionInfrastructure({ purpose: 'dev', log: (message) => log.info(message), ports: { postgres: ports.postgres, kafka: ports.kafka }, instance });
  infraStop = () => infra.stop();
  const brokers = infra.kafka.brokers.join(',');
  const gatewayIdentitySecret = process.env.GATEWAY_IDENTITY_SECRET ?? DEV_AUTH.gatewayIdentitySecret;

  if (!buildDir) throw new StartError('run the graph with `npm start` (tools/launch-start.js builds the copy it runs from)');
  log.info(`built ${process.env.ASW_START_BUILT_FILES ?? 'the'} files into ${relative(root, buildDir)} (this run's own build)`);

  const databaseOf = (entry: (typeof SUBGRAPHS)[number]) => `${databasePrefix}${entry.database}`;
  for (const entry of SUBGRAPHS) {
    // Each service runs as its own non-superuser role; its migrations run as the database's owner role.
    const database = await ensureServiceDatabase(infra.postgres.serverUrl, databaseOf(entry));
    startApp(entry.name, `${entry.dir}/src/main.js`, {
      PORT: String(ports.subgraphs[entry.name]),
      DATABASE_URL: database.serviceUrl,
      DATABASE_MIGRATION_URL: database.migrationUrl,
      KAFKA_BROKERS: brokers,
      GATEWAY_IDENTITY_SECRET: gatewayIdentitySecret,
    });
  }
  await Promise.all(SUBGRAPHS.map((entry) => waitReady(entry.name, ports.subgraphs[entry.name])));

  const subgraphUrls = subgraphUrlOverrides(ports);
  startApp('gateway', 'gateway/src/main.js', {
    PORT: String(ports.gateway),
    AUTH_ISSUER: process.env.AUTH_ISSUER ?? DEV_AUTH.issuer,
    AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? DEV_AUTH.audience,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? DEV_AUTH.jwtSecret,
    GATEWAY_IDENTITY_SECRET: gatewayIdentitySecret,
    ...(subgraphUrls ? { SUBGRAPH_URLS: subgraphUrls } : {}),
  });
  await waitReady('gateway', ports.gateway);

  const gatewayUrl = `http://localhost:${ports.gateway}/graphql`;
  const token = await signAccessToken(
    DEMO_SOCIAL_WORKER,
    { issuer: DEV_AUTH.issuer, audience: DEV_AUTH.audience, jwtSecret: DEV_AUTH.jwtSecret },
    8 * 3600,
  );
  const seeded = seeding ? await seedDemoData(databaseUrl(infra.postgres.serverUrl, databaseOf(SUBGRAPHS[0])), gatewayUrl, token) : undefined;

  const clientId = seeded ?? '<client id from registerClient>';
  const exampleQuery = `{ client(id: "${clientId}") { id firstName lastName housingSupport { status } incomeSupportApplications { kind status } rehabilitationEligibility { eligible reason clientKnownSince } } }`;
  if (seeded) await exampleAnswers(gatewayUrl, exampleQuery, token);
  process.stdout.write(
    [
      '',
      `The graph is up: ${gatewayUrl} (GraphQL IDE: http://localhost:${ports.gateway}/)`,
      `PostgreSQL: ${infra.postgres.source}, Kafka: ${infra.kafka.source}`,
      '',
      'Dev token (SOCIAL_WORKER, 8 h; `npm run token -- --role <ROLE>` makes others, `npm run token -- --help` shows how):',
      token,
      '',
      'Example query (one client, fields from all four subgraphs; TOKEN=<the token above>):',
      `curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `  -d '${JSON.stringify({ query: exampleQuery })}'`,
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  if (error instanceof StartError || error instanceof ConfigError || error instanceof PortSettingError || error instanceof SetupError) {
    process.stderr.write(`npm start: ${error.message}\n`);
    await shutdown(2);
    return;
  }
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, 'the graph could not start');
  await shutdown(1);
});
