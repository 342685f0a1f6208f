import { DynamicModule, Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloDriverConfig, ApolloFederationDriver } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { Request } from 'express';
import { types as pgTypes } from 'pg';
import { EVENT_MIGRATIONS, EventPublisher } from '@asw/events';
import { databaseUrl, ensureDatabase, serviceRoleGrants } from '@asw/infra';
import { callerOf, ReplayGuard } from '@asw/auth';
import {
  AppLogger,
  AppMetrics,
  assertProductionSecrets,
  createErrorFormatter,
  createLogger,
  graphqlObservabilityPlugin,
  loadConfig,
  NestLoggerAdapter,
  requestObservability,
  ServiceConfig,
  serviceConfigSchema,
} from '@asw/platform';
import { createGraphContext } from './graph-context';
import { EventsRuntime } from './events.runtime';
import { AccessLogTable1763800000001 } from './access-log/access-log.migration';
import { CaseRelationshipsClientWide1763800000004, CaseRelationshipsTable1763800000003 } from './relationships/case-relationships.migration';
import { JustifiedAccessTable1763800000005 } from './justified-access/justified-access';
import { accessLogPlugin } from './access-log/access-log.plugin';
import { IdempotencyKeys1764700000001 } from './idempotency/idempotency.migration';
import { idempotencyPlugin } from './idempotency/idempotency.plugin';
import { AccessRefusalReport, accessReportResolvers, ClientAccessLogAnswer, ClientAccessReport } from './access-log/access-report';
import { HealthController } from './health.controller';
import { MetricsController, registerPoolMetrics } from './metrics.controller';
import { describeEnumValues } from './labels/enum-labels';
import type { SubgraphDefinition } from './subgraph-definition';
import { APP_METRICS, LOGGER, SERVICE_CONFIG, SUBGRAPH_DEFINITION } from './tokens';

// A DATE column is a calendar date: keep it 'YYYY-MM-DD', never a Date shifted by the machine's time zone.
const PG_DATE_OID = 1082;
pgTypes.setTypeParser(PG_DATE_OID, (value) => value);

/**
 * `serve` runs the service; `schema` only builds its GraphQL schema (for composing the supergraph at
 * build time) without touching PostgreSQL or Kafka.
 */
export type SubgraphMode = 'serve' | 'schema';

function migrationsOf(definition: SubgraphDefinition) {
  return [...EVENT_MIGRATIONS, AccessLogTable1763800000001, CaseRelationshipsTable1763800000003, CaseRelationshipsClientWide1763800000004, JustifiedAccessTable1763800000005, IdempotencyKeys1764700000001, ...definition.migrations];
}

/**
 * With an owner role configured (DATABASE_MIGRATION_URL): runs the migrations as the owner, then
 * grants the service's own role (DATABASE_URL's user) what it may do, so the service never runs as
 * the owner of its tables and may only add to and read its access log (libs/infra serviceRoleGrants).
 */
async function migrateAsOwner(definition: SubgraphDefinition, config: ServiceConfig & { DATABASE_MIGRATION_URL: string }, logger: AppLogger): Promise<void> {
  const owner = new DataSource({ type: 'postgres', url: config.DATABASE_MIGRATION_URL, migrations: migrationsOf(definition), migrationsTransactionMode: 'each', extra: { max: 1 } });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations();
    const serviceRole = decodeURIComponent(new URL(config.DATABASE_URL).username);
    const ownerRole = decodeURIComponent(new URL(config.DATABASE_MIGRATION_URL).username);
    if (!serviceRole || serviceRole === ownerRole) throw new Error('DATABASE_URL must name the service role, not the owner role of DATABASE_MIGRATION_URL');
    await owner.transaction(async (manager) => {
      for (const statement of serviceRoleGrants(serviceRole)) await manager.query(statement);
    });
    logger.info({ migrations: applied.length }, 'migrations ran as the owner role; service role granted');
  } finally {
    await owner.destroy();
  }
}

function subgraphModule(definition: SubgraphDefinition, config: ServiceConfig, logger: AppLogger, metrics: AppMetrics, mode: SubgraphMode): DynamicModule {
  @Global()
  @Module({})
  class SubgraphCoreModule {}

  const core: DynamicModule = {
    module: SubgraphCoreModule,
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SUBGRAPH_DEFINITION, useValue: definition },
      { provide: LOGGER, useValue: logger },
      { provide: APP_METRICS, useValue: metrics },
      { provide: EventPublisher, useValue: new EventPublisher(definition.name, config.KAFKA_TOPIC_PREFIX) },
      ...(mode === 'serve' ? [EventsRuntime] : []),
    ],
    exports: [SERVICE_CONFIG, SUBGRAPH_DEFINITION, LOGGER, APP_METRICS, EventPublisher],
  };

  @Module({})
  class SubgraphAppModule {}

  // Gateway identities this process accepted, until they expire: each is good for one request.
  const replayGuard = new ReplayGuard();

  return {
    module: SubgraphAppModule,
    imports: [
      core,
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: config.DATABASE_URL,
        entities: definition.entities,
        migrations: migrationsOf(definition),
        // With an owner role the migrations already ran (migrateAsOwner); the service role could not run them.
        migrationsRun: !config.DATABASE_MIGRATION_URL,
        migrationsTransactionMode: 'each',
        synchronize: false,
        manualInitialization: mode === 'schema',
        extra: { max: 10 },
      }),
      GraphQLModule.forRootAsync<ApolloDriverConfig>({
        driver: ApolloFederationDriver,
        inject: [DataSource],
        useFactory: (dataSource: DataSource) => ({
          autoSchemaFile: { federation: 2 },
          // The access policy (`@Access`, libs/subgraph/src/policy) runs on field resolvers too.
          fieldResolverEnhancers: ['interceptors'],
          buildSchemaOptions: { orphanedTypes: [...(definition.orphanedTypes ?? []), ClientAccessReport, AccessRefusalReport, ClientAccessLogAnswer] },
          sortSchema: true,
          transformSchema: describeEnumValues, // every enum value labelled fi/sv/en (labels/enum-labels.data.ts)
          playground: false,
          graphiql: false,
          introspection: config.NODE_ENV !== 'production',
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          plugins: [
            // No Apollo Studio here: field traces would only cost time and tell the gateway about internals.
            ApolloServerPluginInlineTraceDisabled(),
            // Operation name, caller and error codes for the request's log line and metrics (libs/platform).
            graphqlObservabilityPlugin<{ identity?: Parameters<typeof callerOf>[0] }>((context) => callerOf(context.identity)),
            accessLogPlugin(dataSource, definition.name, logger),
            // Create mutations retried with the same Idempotency-Key act once.
            idempotencyPlugin(dataSource, logger, createErrorFormatter(logger)),
          ],
          context: ({ req }: { req: Request }) => createGraphContext(req, config.GATEWAY_IDENTITY_SECRET, definition.name, dataSource.manager, logger, replayGuard),
          formatError: createErrorFormatter(logger),
        }),
      }),
      ...definition.modules,
    ],
    providers: accessReportResolvers(definition.name, definition.ownsClient ?? false),
    controllers: [HealthController, MetricsController],
  };
}

/** Builds the Nest app of one subgraph (not yet listening). */
export async function createSubgraphApp(
  definition: SubgraphDefinition,
  config: ServiceConfig,
  mode: SubgraphMode = 'serve',
): Promise<INestApplication> {
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  if (mode === 'serve') {
    assertProductionSecrets({ NODE_ENV: config.NODE_ENV, secrets: { GATEWAY_IDENTITY_SECRET: config.GATEWAY_IDENTITY_SECRET } });
    if (config.DATABASE_MIGRATION_URL) {
      // Roles and database were provisioned by the operator (or libs/infra ensureServiceDatabase).
      await migrateAsOwner(definition, { ...config, DATABASE_MIGRATION_URL: config.DATABASE_MIGRATION_URL }, logger);
    } else {
      const url = new URL(config.DATABASE_URL);
      await ensureDatabase(databaseUrl(config.DATABASE_URL, 'postgres'), url.pathname.slice(1));
    }
  }
  const metrics = new AppMetrics(definition.name);
  const app = await NestFactory.create(subgraphModule(definition, config, logger, metrics, mode), {
    logger: mode === 'serve' ? new NestLoggerAdapter(logger) : false,
    abortOnError: false,
  });
  // First of all: the correlation id, the request's log line and its metrics (libs/platform).
  if (mode === 'serve') app.use(requestObservability({ logger, metrics }));
  app.enableShutdownHooks();
  await app.init();
  if (mode === 'serve') registerPoolMetrics(metrics, app.get(DataSource));
  keepIdleConnectionsOpen(app.getHttpServer());
  return app;
}

/**
 * The gateway reuses idle connections to a subgraph and does not time them out itself. Node closes an
 * idle one after 5 s, so a request the gateway sends on it at that moment meets a closed socket and
 * reaches the caller as INTERNAL_SERVER_ERROR ("socket hang up") after any 5-second pause. A subgraph
 * keeps idle connections for 75 s (its headers timeout just above, as Node requires).
 */
function keepIdleConnectionsOpen(server: { keepAliveTimeout: number; headersTimeout: number }): void {
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 76_000;
}

/** The subgraph's SDL with federation directives, printed from its code-first schema. */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  const placeholder: ServiceConfig = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    PORT: 1,
    DATABASE_URL: 'postgres://schema-only@localhost/none',
    KAFKA_BROKERS: [],
    KAFKA_TOPIC_PREFIX: '',
    GATEWAY_IDENTITY_SECRET: 'schema-only'.padEnd(32, '-'),
  };
  const app = await createSubgraphApp(definition, placeholder, 'schema');
  try {
    return printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
  } finally {
    await app.close();
  }
}

/**
 * The main.ts of every service: validate config, create, listen, stop cleanly on SIGTERM/SIGINT.
 * `main.js --print-schema` prints the subgraph's SDL to stdout instead (composition at build time runs
 * one process per subgraph, because NestJS keeps GraphQL type metadata in one store per process).
 */
export function runSubgraph(definition: SubgraphDefinition): void {
  if (process.argv.includes('--print-schema')) {
    printSubgraphSdl(definition).then(
      (sdl) => process.stdout.write(`${sdl.trim()}\n`),
      (error: unknown) => {
        process.stderr.write(`${definition.name}: could not print the schema: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 1;
      },
    );
    return;
  }
  const start = async () => {
    const config = loadConfig(serviceConfigSchema);
    const app = await createSubgraphApp(definition, config);
    await app.listen(config.PORT);
    createLogger(definition.name, config.LOG_LEVEL).info({ port: config.PORT }, `${definition.name} subgraph listening`);
  };
  start().catch((error: unknown) => {
    createLogger(definition.name).fatal({ err: error instanceof Error ? error.message : String(error) }, 'failed to start');
    process.exit(1);
  });
}
