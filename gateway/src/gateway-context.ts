import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Request } from 'express';
import { AccessTokenKey, AccessTokenSettings, CORRELATION_ID_HEADER, Identity, signGatewayIdentity, verifyAccessToken } from '@asw/auth';
import { AppLogger, correlationIdOf, DomainError } from '@asw/platform';
import type { RateLimiter } from './hardening/rate-limiter';

/** What the gateway knows about one request once the caller's token checked out. */
export interface GatewayContext {
  identity: Identity;
  /** The identity signed for subgraphs: one short-lived token per request. */
  identityToken: string;
  correlationId: string;
}

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function callerKey(identity: Identity): string {
  return identity.kind === 'user' ? `user:${identity.userId}` : `partner:${identity.partner}:${identity.clientId}`;
}

/**
 * Authenticates and rate-limits before anything else: no valid token, no parsing, no query plan and
 * no subgraph call; over its allowance, the caller waits (RATE_LIMITED, HTTP 429 with Retry-After).
 * Each refusal goes on record in the gateway's log with its reason and correlation id (never the token).
 */
export function gatewayContextFactory(settings: AccessTokenSettings, key: AccessTokenKey, gatewayIdentitySecret: string, rateLimiter: RateLimiter, logger: AppLogger) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const correlationId = correlationIdOf(req.headers[CORRELATION_ID_HEADER]);
    let identity: Identity;
    try {
      identity = await verifyAccessToken(bearerToken(req), settings, key);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn({ correlationId, code: 'UNAUTHENTICATED', reason: error.message }, 'refused: not authenticated');
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    const allowance = rateLimiter.take(callerKey(identity));
    if (!allowance.allowed) {
      logger.warn({ correlationId, caller: callerKey(identity), code: 'RATE_LIMITED' }, 'refused: over the rate limit');
      throw new GraphQLError('Too many requests; try again shortly', {
        extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap([['retry-after', String(allowance.retryAfterSeconds)]]) } },
      });
    }
    return {
      identity,
      identityToken: await signGatewayIdentity(identity, gatewayIdentitySecret),
      correlationId,
    };
  };
}
