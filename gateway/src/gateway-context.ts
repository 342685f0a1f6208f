import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import { AccessTokenKey, AccessTokenSettings, CORRELATION_ID_HEADER, Identity, signGatewayIdentity, verifyAccessToken } from '@asw/auth';
import { DomainError } from '@asw/platform';

/** What the gateway knows about one request once the caller's token checked out. */
export interface GatewayContext {
  identity: Identity;
  /** The identity signed for subgraphs: one short-lived token per request. */
  identityToken: string;
  correlationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Authenticates before any planning: no valid token, no query plan and no subgraph call. */
export function gatewayContextFactory(settings: AccessTokenSettings, key: AccessTokenKey, gatewayIdentitySecret: string) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    let identity: Identity;
    try {
      identity = await verifyAccessToken(bearerToken(req), settings, key);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    const incoming = req.headers[CORRELATION_ID_HEADER];
    return {
      identity,
      identityToken: await signGatewayIdentity(identity, gatewayIdentitySecret),
      correlationId: typeof incoming === 'string' && UUID.test(incoming) ? incoming : randomUUID(),
    };
  };
}
