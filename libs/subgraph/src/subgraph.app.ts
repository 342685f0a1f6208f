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
import { databaseUrl, ensureDatabase } from '@asw/infra';
import { AppLogger, createErrorFormatter, createLogger, loadConfig, NestLoggerAdapter, ServiceConfig, serviceConfigSchema } from '@asw/platform';
import { createGraphContext } from './graph-context';
import { EventsRuntime } from './events.runtime';
import { AccessLogTable1763800000001 } from './access-log/access-log.migration';
import { CaseRelationshipsTable1763800000003 } from './relationships/case-relationships.migration';
import { accessLogPlugin } from './access-log/access-log.plugin';
import { IdempotencyKeys1764700000001 } from './idempotency/idempotency.migration';
import { idempotencyPlugin } from './idempotency/idempotency.plugin';
import { accessReportResolvers, ClientAccessReport } from './access-log/access-report';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import type { SubgraphDefinition } from './subgraph-definition';
import { LOGGER, SERVICE_CONFIG, SUBGRAPH_DEFINITION } from './tokens';

// A DATE column is a calendar date: keep it 'YYYY-MM-DD', never a Date shifted by the machine's time zone.
const PG_DATE_OID = 1082;
pgTypes.setTypeParser(PG_DATE_OID, (value) => value);

/**
 * `serve` runs the service; `schema` only builds its GraphQL schema (for composing the supergraph at
 * build time) without touching PostgreSQL or Kafka.
 */
export type SubgraphMode = 'serve' | 'schema';

function subgraphModule(definition: SubgraphDefinition, config: ServiceConfig, logger: AppLogger, mode: SubgraphMode): DynamicModule {
  @Global()
  @Module({})
  class SubgraphCoreModule {}

  const core: DynamicModule = {
    module: SubgraphCoreModule,
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SUBGRAPH_DEFINITION, useValue: definition },
      { provide: LOGGER, useValue: logger },
      { provide: EventPublisher, useValue: new EventPublisher(definition.name, config.KAFKA_TOPIC_PREFIX) },
      ...(mode === 'serve' ? [EventsRuntime] : []),
    ],
    exports: [SERVICE_CONFIG, SUBGRAPH_DEFINITION, LOGGER, EventPublisher],
  };

  @Module({})
  class SubgraphAppModule {}

  return {
    module: SubgraphAppModule,
    imports: [
      core,
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: config.DATABASE_URL,
        entities: definition.entities,
        migrations: [...EVENT_MIGRATIONS, AccessLogTable1763800000001, CaseRelationshipsTable1763800000003, IdempotencyKeys1764700000001, ...definition.migrations],
        migrationsRun: true,
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
          buildSchemaOptions: { orphanedTypes: [...(definition.orphanedTypes ?? []), ClientAccessReport] },
          sortSchema: true,
          playground: false,
          graphiql: false,
          introspection: config.NODE_ENV !== 'production',
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          plugins: [
            // No Apollo Studio here: field traces would only cost time and tell the gateway about internals.
            ApolloServerPluginInlineTraceDisabled(),
            accessLogPlugin(dataSource, definition.name, logger),
            // Create mutations retried with the same Idempotency-Key act once.
            idempotencyPlugin(dataSource, logger, createErrorFormatter(logger)),
          ],
          context: ({ req }: { req: Request }) => createGraphContext(req, config.GATEWAY_IDENTITY_SECRET, definition.name, dataSource.manager, logger),
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
    const url = new URL(config.DATABASE_URL);
    await ensureDatabase(databaseUrl(config.DATABASE_URL, 'postgres'), url.pathname.slice(1));
  }
  const app = await NestFactory.create(subgraphModule(definition, config, logger, mode), {
    logger: mode === 'serve' ? new NestLoggerAdapter(logger) : false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
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
