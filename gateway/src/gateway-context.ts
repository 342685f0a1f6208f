import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Request } from 'express';
import { AccessTokenKey, AccessTokenSettings, CORRELATION_ID_HEADER, Identity, verifyAccessToken } from '@asw/auth';
import { AppLogger, correlationIdOf, DomainError, noteRefusal } from '@asw/platform';
import type { RateLimiter } from './hardening/rate-limiter';
import type { PartnerOperations } from './hardening/partner-operations';

/** What the gateway knows about one request once the caller's token checked out. */
export interface GatewayContext {
  identity: Identity;
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

/** The sha256 of a persisted operation the request names without sending a document, if any. */
function persistedHashOf(req: Request): string | undefined {
  const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
  if (!body || typeof body !== 'object' || body.query !== undefined) return undefined;
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Authenticates and rate-limits before anything else: no valid token, no parsing, no query plan and
 * no subgraph call; over its allowance, the caller waits (RATE_LIMITED, HTTP 429 with Retry-After).
 * A partner naming a persisted operation that is not registered for it learns so here
 * (PERSISTED_QUERY_NOT_FOUND). Each refusal goes on record in the gateway's log with its reason and
 * correlation id (never the token).
 */
export function gatewayContextFactory(settings: AccessTokenSettings, key: AccessTokenKey, rateLimiter: RateLimiter, logger: AppLogger, partnerOperations: PartnerOperations) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const correlationId = correlationIdOf(req.headers[CORRELATION_ID_HEADER]);
    let identity: Identity;
    try {
      identity = await verifyAccessToken(bearerToken(req), settings, key);
    } catch (error) {
      // verifyAccessToken answers every bad token with a DomainError; anything else is still the token's fault, not a 500.
      const message = error instanceof DomainError ? error.message : 'The access token is not valid';
      const reason = (error instanceof DomainError && error.details?.reason) || 'TOKEN_INVALID';
      noteRefusal('auth');
      logger.warn({ correlationId, code: 'UNAUTHENTICATED', reason }, 'refused: not authenticated');
      throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', details: { reason }, http: { status: 401 } } });
    }
    const allowance = await rateLimiter.take(callerKey(identity));
    if (!allowance.allowed) {
      noteRefusal('rate_limit');
      logger.warn({ correlationId, caller: callerKey(identity), code: 'RATE_LIMITED' }, 'refused: over the rate limit');
      throw new GraphQLError('Too many requests; try again shortly', {
        extensions: { code: 'RATE_LIMITED', details: { reason: 'RATE_LIMITED' }, http: { status: 429, headers: new HeaderMap([['retry-after', String(allowance.retryAfterSeconds)]]) } },
      });
    }
    const hash = identity.kind === 'partner' ? persistedHashOf(req) : undefined;
    if (identity.kind === 'partner' && hash !== undefined && !partnerOperations.get(identity.partner)?.has(hash)) {
      noteRefusal('partner_allow_list');
      logger.warn({ correlationId, caller: callerKey(identity), code: 'PERSISTED_QUERY_NOT_FOUND' }, 'refused: persisted operation not registered');
      throw new GraphQLError(`No operation with this hash is registered for ${identity.partner} (see gateway/partner-operations/manifest.json)`, {
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', details: { reason: 'PERSISTED_OPERATION_NOT_REGISTERED' }, http: { status: 400 } },
      });
    }
    return { identity, correlationId };
  };
}
