/**
 * `npm start`: the whole graph on this machine. Provisions PostgreSQL and Kafka (DATABASE_URL /
 * KAFKA_BROKERS if set, else Docker, else local processes), starts the four subgraphs and the gateway
 * as separate processes (as they run in production), seeds a small demo data set unless --no-seed,
 * and prints the gateway URL, a dev token and an example query. Ctrl-C stops everything it started.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEV_AUTH, signAccessToken } from '@asw/auth';
import { databaseUrl, ensureServiceDatabase, provisionInfrastructure } from '@asw/infra';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { createLogger } from '@asw/platform';
import { postGraphQL } from '../libs/testing/src/graphql-client';
import { GATEWAY_PORT, SUBGRAPHS } from './graph';

const log = createLogger('dev-runner');
const children: ChildProcess[] = [];
let stopping = false;

function startApp(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(process.cwd(), 'dist', entry)], {
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

/** A valid henkilötunnus in the temporary range (individual number 900–999), so no real person's code is seeded. */
function demoIdentityCode(ddmmyy: string, centurySign: string, individualNumber: string): string {
  return `${ddmmyy}${centurySign}${individualNumber}${personalIdentityCodeCheckCharacter(ddmmyy, individualNumber)}`;
}

const DEMO_CLIENTS = [
  { personalIdentityCode: demoIdentityCode('130585', '-', '902'), firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage: 'FI' },
  { personalIdentityCode: demoIdentityCode('020799', '-', '913'), firstName: 'Matti', lastName: 'Korhonen', municipalityCode: '398', preferredLanguage: 'FI' },
  { personalIdentityCode: demoIdentityCode('241103', 'A', '924'), firstName: 'Elina', lastName: 'Nieminen', municipalityCode: '091', preferredLanguage: 'SV' },
];

/**
 * Registers the demo clients once, and opens a case for each one that has none, by the dev social
 * worker: whoever opens a case works on it, so the printed token sees these clients in every service.
 */
async function seed(caseDatabaseUrl: string, gatewayUrl: string, token: string): Promise<string | undefined> {
  const request = async (query: string, variables: Record<string, unknown>) => {
    const response = await postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
    if (response.errors) throw new Error(`seeding failed: ${response.errors[0].message}`);
    return response.data;
  };
  const db = new Client({ connectionString: caseDatabaseUrl });
  await db.connect();
  try {
    const clients: string[] = (await db.query(`SELECT id FROM client ORDER BY registered_at`)).rows.map((row) => row.id as string);
    if (clients.length === 0) {
      for (const input of DEMO_CLIENTS) clients.push((await request(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, { input })).registerClient.id);
    }
    const withCase = new Set((await db.query(`SELECT DISTINCT client_id FROM client_case`)).rows.map((row) => row.client_id as string));
    for (const clientId of clients.filter((id) => !withCase.has(id))) {
      await request(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } });
    }
    return clients[0];
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const infra = await provisionInfrastructure({ purpose: 'dev', log: (message) => log.info(message) });
  infraStop = () => infra.stop();
  const brokers = infra.kafka.brokers.join(',');
  const gatewayIdentitySecret = process.env.GATEWAY_IDENTITY_SECRET ?? DEV_AUTH.gatewayIdentitySecret;

  for (const entry of SUBGRAPHS) {
    // Each service runs as its own non-superuser role; its migrations run as the database's owner role.
    const database = await ensureServiceDatabase(infra.postgres.serverUrl, entry.database);
    startApp(entry.name, `${entry.dir}/src/main.js`, {
      PORT: String(entry.port),
      DATABASE_URL: database.serviceUrl,
      DATABASE_MIGRATION_URL: database.migrationUrl,
      KAFKA_BROKERS: brokers,
      GATEWAY_IDENTITY_SECRET: gatewayIdentitySecret,
    });
  }
  await Promise.all(SUBGRAPHS.map((entry) => waitReady(entry.name, entry.port)));

  startApp('gateway', 'gateway/src/main.js', {
    PORT: String(GATEWAY_PORT),
    AUTH_ISSUER: process.env.AUTH_ISSUER ?? DEV_AUTH.issuer,
    AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? DEV_AUTH.audience,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? DEV_AUTH.jwtSecret,
    GATEWAY_IDENTITY_SECRET: gatewayIdentitySecret,
  });
  await waitReady('gateway', GATEWAY_PORT);

  const gatewayUrl = `http://localhost:${GATEWAY_PORT}/graphql`;
  const token = await signAccessToken(
    { kind: 'user', userId: 'dev-social-worker', roles: ['SOCIAL_WORKER'], team: 'dev-team', organisation: 'dev-county' },
    { issuer: DEV_AUTH.issuer, audience: DEV_AUTH.audience, jwtSecret: DEV_AUTH.jwtSecret },
    8 * 3600,
  );
  const seeded = process.argv.includes('--no-seed')
    ? undefined
    : await seed(databaseUrl(infra.postgres.serverUrl, SUBGRAPHS[0].database), gatewayUrl, token);

  const clientId = seeded ?? '<client id from registerClient>';
  process.stdout.write(
    [
      '',
      `The graph is up: ${gatewayUrl} (GraphQL IDE: http://localhost:${GATEWAY_PORT}/)`,
      `PostgreSQL: ${infra.postgres.source}, Kafka: ${infra.kafka.source}`,
      '',
      'Dev token (SOCIAL_WORKER, 8 h; `npm run token -- --role <ROLE>` makes others):',
      token,
      '',
      'Example query (one client, fields from all four subgraphs):',
      `curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `  -d '{"query":"{ client(id: \\"${clientId}\\") { id firstName lastName housingSupport { status } incomeSupportApplications { kind status } rehabilitationEligibility { eligible reason clientKnownSince } } }"}'`,
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, 'the graph could not start');
  await shutdown(1);
});
