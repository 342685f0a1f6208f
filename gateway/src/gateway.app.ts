import { readFileSync } from 'node:fs';
import { Controller, Get, HttpException, HttpStatus, Inject, INestApplication, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { accessTokenKey, AccessTokenSettings, callerOf, CORRELATION_ID_HEADER, GATEWAY_IDENTITY_HEADER, IDEMPOTENCY_KEY_HEADER, signGatewayIdentity } from '@asw/auth';
import {
  AppMetrics,
  assertProductionSecrets,
  correlationIdOf,
  createErrorFormatter,
  createLogger,
  graphqlObservabilityPlugin,
  NestLoggerAdapter,
  noteRefusal,
  requestObservability,
  requestScope,
  TRACEPARENT_HEADER,
} from '@asw/platform';
import { DEVELOPMENT_CORS_ORIGIN, type GatewayConfig } from './gateway.config';
import { GatewayContext, gatewayContextFactory } from './gateway-context';
import { developmentControllers } from './graphiql.controller';
import { hardeningPlugin } from './hardening/hardening.plugin';
import { loadPartnerOperations } from './hardening/partner-operations';
import { RateLimiter } from './hardening/rate-limiter';
import { GatewayReadiness } from './gateway-readiness';
import { SubgraphFetchMetrics, subgraphFetchMetrics } from './gateway-metrics';

/**
 * Passes the verified caller and the correlation id on every subgraph request: a token minted for this
 * one request (its body's digest), for this one subgraph, valid for seconds (libs/auth gateway-identity).
 */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { url: string },
    private readonly subgraph: string,
    private readonly identitySecret: string,
    private readonly fetchMetrics: SubgraphFetchMetrics,
  ) {
    super(options);
  }

  /** Each subgraph fetch timed, and its failures counted: `graphql_errors` in the answer, or `request_failed` (no answer, or not a GraphQL one). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const end = this.fetchMetrics.duration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await super.process(options);
      const failed = (response.errors?.length ?? 0) > 0;
      if (failed) this.fetchMetrics.errors.inc({ subgraph: this.subgraph, kind: 'graphql_errors' });
      end({ outcome: failed ? 'error' : 'ok' });
      return response;
    } catch (error) {
      this.fetchMetrics.errors.inc({ subgraph: this.subgraph, kind: 'request_failed' });
      end({ outcome: 'failed' });
      throw error;
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    if (!('identity' in context)) return; // the gateway's own health checks carry no caller
    const token = await signGatewayIdentity(context.identity, this.identitySecret, { subgraph: this.subgraph, request });
    request.http?.headers.set(GATEWAY_IDENTITY_HEADER, token);
    request.http?.headers.set(CORRELATION_ID_HEADER, context.correlationId);
    // The caller's W3C trace context goes on, so the subgraphs' log lines carry the same trace id.
    const traceparent = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get(TRACEPARENT_HEADER) : undefined;
    if (traceparent && requestScope()?.traceId) request.http?.headers.set(TRACEPARENT_HEADER, traceparent);
    // A retried create mutation's key goes to the subgraph that acts (libs/subgraph idempotency).
    const idempotencyKey = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER) : undefined;
    if (idempotencyKey) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
  }
}

const GATEWAY_METRICS = Symbol('GATEWAY_METRICS');
const GATEWAY_READINESS = Symbol('GATEWAY_READINESS');

@Controller('health')
class GatewayHealthController {
  constructor(@Inject(GATEWAY_READINESS) private readonly readiness: GatewayReadiness) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready when the gateway can plan (its supergraph is loaded) and reaches its subgraphs; the detail
   * shows each subgraph's own readiness (gateway-readiness.ts).
   */
  @Get('ready')
  async ready() {
    const body = await this.readiness.check();
    if (body.status !== 'ok') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}

@Controller('metrics')
class GatewayMetricsController {
  constructor(@Inject(GATEWAY_METRICS) private readonly metrics: AppMetrics) {}

  @Get()
  async metricsText(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}

function gatewayModule(config: GatewayConfig) {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = new AppMetrics('gateway');
  const fetchMetrics = subgraphFetchMetrics(metrics);
  const readiness = new GatewayReadiness(metrics);
  const rateLimiter = new RateLimiter(config.GATEWAY_RATE_LIMIT_PER_MINUTE, { redisUrl: config.REDIS_URL, keyPrefix: config.GATEWAY_RATE_LIMIT_KEY_PREFIX, logger });
  const production = config.NODE_ENV === 'production';
  const settings: AccessTokenSettings = {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwtSecret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    jwksAlgorithms: config.AUTH_JWKS_ALGORITHMS,
    maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
  };
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const partnerOperations = loadPartnerOperations(config.PARTNER_OPERATIONS_DIR);

  @Module({
    imports: [
      GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
        driver: ApolloGatewayDriver,
        server: {
          path: '/graphql',
          playground: false,
          graphiql: false,
          introspection: !production,
          // No "Did you mean …?" field suggestions in production: they reveal the schema bit by bit.
          hideSchemaDetailsFromClientErrors: production,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          // One operation per HTTP request (no batching), and no automatic persisted queries: partners'
          // persisted operations come from the allow-list only.
          allowBatchedHttpRequests: false,
          persistedQueries: false,
          context: gatewayContextFactory(settings, accessTokenKey(settings), rateLimiter, logger, partnerOperations),
          plugins: [
            // Operation name, caller and error codes for the request's log line and metrics (libs/platform).
            graphqlObservabilityPlugin<GatewayContext>((context) => callerOf(context.identity)),
            readiness.plugin(),
            hardeningPlugin({
              logger,
              production,
              partnerOperations,
              limits: {
                maxDepth: config.GATEWAY_MAX_DEPTH,
                maxAliases: config.GATEWAY_MAX_ALIASES,
                maxRootFields: config.GATEWAY_MAX_ROOT_FIELDS,
                maxCost: config.GATEWAY_MAX_COST,
              },
            }),
          ],
          formatError: createErrorFormatter(logger),
        },
        gateway: {
          supergraphSdl,
          buildService: ({ name, url }) => {
            const subgraphUrl = config.SUBGRAPH_URLS[name] ?? url!;
            readiness.subgraph(name, subgraphUrl);
            return new IdentityForwardingDataSource({ url: subgraphUrl }, name, config.GATEWAY_IDENTITY_SECRET, fetchMetrics);
          },
        },
      }),
    ],
    // The IDE and development tokens exist only outside production.
    providers: [
      { provide: GATEWAY_METRICS, useValue: metrics },
      { provide: GATEWAY_READINESS, useValue: readiness },
      // Its Redis connection closes with the app.
      { provide: RateLimiter, useValue: rateLimiter },
    ],
    controllers: [GatewayHealthController, GatewayMetricsController, ...(production ? [] : developmentControllers(settings.jwtSecret ? (settings as Required<Pick<AccessTokenSettings, 'issuer' | 'audience' | 'jwtSecret'>>) : undefined))],
  })
  class GatewayModule {}
  return { GatewayModule, logger, metrics };
}

/** The CORS origin check: the configured allow-list, else localhost (any port) in development, else none. */
export function corsOrigin(config: Pick<GatewayConfig, 'NODE_ENV' | 'GATEWAY_CORS_ORIGINS'>): (string | RegExp)[] {
  if (config.GATEWAY_CORS_ORIGINS) return config.GATEWAY_CORS_ORIGINS;
  return config.NODE_ENV === 'production' ? [] : [DEVELOPMENT_CORS_ORIGIN];
}

/** Builds the gateway app (not yet listening). Refuses production with development secrets (libs/platform). */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  assertProductionSecrets({
    NODE_ENV: config.NODE_ENV,
    secrets: { AUTH_JWT_SECRET: config.AUTH_JWT_SECRET, GATEWAY_IDENTITY_SECRET: config.GATEWAY_IDENTITY_SECRET },
    accessTokens: { jwtSecret: config.AUTH_JWT_SECRET, jwksUrl: config.AUTH_JWKS_URL, allowHs256InProduction: config.AUTH_ALLOW_HS256_IN_PRODUCTION },
  });
  const { GatewayModule, logger, metrics } = gatewayModule(config);
  if (config.NODE_ENV === 'production' && config.AUTH_JWT_SECRET) {
    logger.warn(
      { setting: 'AUTH_ALLOW_HS256_IN_PRODUCTION', code: 'INSECURE_CONFIGURATION' },
      'SECURITY WARNING: production verifies access tokens with a shared HS256 secret instead of the identity provider\'s JWKS; anyone holding AUTH_JWT_SECRET can mint tokens',
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { logger: new NestLoggerAdapter(logger), abortOnError: false, bodyParser: false });
  // First of all: the correlation id, the request's log line and its metrics (libs/platform).
  app.use(requestObservability({ logger, metrics }));
  // Larger bodies are refused (413) before they are parsed, and the refusal is logged.
  const parseJson = json({ limit: config.GATEWAY_MAX_BODY_BYTES });
  app.use((req: Request, res: Response, next: NextFunction) =>
    parseJson(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        noteRefusal('body_too_large');
        logger.warn({ correlationId: correlationIdOf(req.headers[CORRELATION_ID_HEADER]), code: 'PAYLOAD_TOO_LARGE', limit: config.GATEWAY_MAX_BODY_BYTES }, 'refused: request body over the limit');
      }
      next(error);
    }),
  );
  // Browsers on the allowed origins may call /graphql (preflight answered here); others get no CORS headers.
  app.enableCors({
    origin: corsOrigin(config),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', CORRELATION_ID_HEADER, 'apollo-require-preflight'],
    maxAge: 600,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
