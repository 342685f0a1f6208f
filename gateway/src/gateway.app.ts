import { readFileSync } from 'node:fs';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { accessTokenKey, AccessTokenSettings, CORRELATION_ID_HEADER, GATEWAY_IDENTITY_HEADER, IDEMPOTENCY_KEY_HEADER } from '@asw/auth';
import { correlationIdOf, createErrorFormatter, createLogger, NestLoggerAdapter } from '@asw/platform';
import type { GatewayConfig } from './gateway.config';
import { GatewayContext, gatewayContextFactory } from './gateway-context';
import { GraphiqlController } from './graphiql.controller';
import { hardeningPlugin } from './hardening/hardening.plugin';
import { loadPartnerOperations } from './hardening/partner-operations';
import { RateLimiter } from './hardening/rate-limiter';

/** Passes the verified caller (signed for subgraphs) and the correlation id on every subgraph request. */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    if (!('identityToken' in context)) return; // the gateway's own health checks carry no caller
    request.http?.headers.set(GATEWAY_IDENTITY_HEADER, context.identityToken);
    request.http?.headers.set(CORRELATION_ID_HEADER, context.correlationId);
    // A retried create mutation's key goes to the subgraph that acts (libs/subgraph idempotency).
    const idempotencyKey = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER) : undefined;
    if (idempotencyKey) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
  }
}

@Controller('health')
class GatewayHealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** The gateway serves once it has its supergraph; each subgraph reports its own readiness. */
  @Get('ready')
  ready() {
    return { status: 'ok' };
  }
}

function gatewayModule(config: GatewayConfig) {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const settings: AccessTokenSettings = {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwtSecret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
  };
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');

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
          context: gatewayContextFactory(settings, accessTokenKey(settings), config.GATEWAY_IDENTITY_SECRET, new RateLimiter(config.GATEWAY_RATE_LIMIT_PER_MINUTE), logger),
          plugins: [
            hardeningPlugin({
              logger,
              partnerOperations: loadPartnerOperations(config.PARTNER_OPERATIONS_DIR),
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
          buildService: ({ name, url }) => new IdentityForwardingDataSource({ url: config.SUBGRAPH_URLS[name] ?? url }),
        },
      }),
    ],
    controllers: [GatewayHealthController, ...(production ? [] : [GraphiqlController])],
  })
  class GatewayModule {}
  return { GatewayModule, logger };
}

/** Builds the gateway app (not yet listening). */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const { GatewayModule, logger } = gatewayModule(config);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { logger: new NestLoggerAdapter(logger), abortOnError: false, bodyParser: false });
  // Larger bodies are refused (413) before they are parsed, and the refusal is logged.
  const parseJson = json({ limit: config.GATEWAY_MAX_BODY_BYTES });
  app.use((req: Request, res: Response, next: NextFunction) =>
    parseJson(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        logger.warn({ correlationId: correlationIdOf(req.headers[CORRELATION_ID_HEADER]), code: 'PAYLOAD_TOO_LARGE', limit: config.GATEWAY_MAX_BODY_BYTES }, 'refused: request body over the limit');
      }
      next(error);
    }),
  );
  app.enableShutdownHooks();
  await app.init();
  return app;
}
