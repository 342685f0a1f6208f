import { createHash, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { stringify } from 'safe-stable-stringify';
import { DomainError, unauthenticated } from '@asw/platform';
import { checkTokenTimes } from './access-token';
import { Identity, identitySchema } from './identity';

/** Header in which the gateway passes the verified caller to subgraphs. */
export const GATEWAY_IDENTITY_HEADER = 'x-asw-identity';
/** Header that carries one request's correlation id through the gateway, subgraphs and events. */
export { CORRELATION_ID_HEADER } from '@asw/platform';
/** A client's key for a create mutation it may retry; the gateway passes it to the subgraphs (libs/subgraph idempotency). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const ISSUER = 'asw-gateway';
/**
 * One subgraph request, one token, valid for seconds: minted just before the gateway sends it and
 * checked as it arrives. Longer-lived tokens are refused by the subgraph.
 */
export const GATEWAY_IDENTITY_TTL_SECONDS = 10;
const CLOCK_TOLERANCE_SECONDS = 5;

/** The audience of a gateway identity: exactly one subgraph. */
export const subgraphAudience = (subgraph: string) => `asw-subgraph:${subgraph}`;

/** The GraphQL request a gateway identity is bound to: what the subgraph receives in its body. */
export interface BoundRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * sha256 of the request's query, operation name and variables in a canonical JSON form (keys sorted),
 * so the gateway (before sending) and the subgraph (after parsing) compute the same digest.
 */
export function requestDigest(request: BoundRequest): string {
  const canonical = stringify({ query: request.query ?? null, operationName: request.operationName ?? null, variables: request.variables ?? {} });
  return createHash('sha256').update(canonical ?? '').digest('base64url');
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * The gateway signs the identity it verified for one subgraph request: audience the one subgraph,
 * `req` the digest of the request body, a unique `jti`, and `exp` seconds after `iat`.
 * `now` (seconds) is for tests that need a token minted in the past.
 */
export async function signGatewayIdentity(
  identity: Identity,
  secret: string,
  binding: { subgraph: string; request: BoundRequest; now?: number; ttlSeconds?: number },
): Promise<string> {
  const now = binding.now ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ identity, req: requestDigest(binding.request) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(subgraphAudience(binding.subgraph))
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + (binding.ttlSeconds ?? GATEWAY_IDENTITY_TTL_SECONDS))
    .sign(keyOf(secret));
}

/**
 * Remembers the `jti` of every gateway identity a subgraph accepted until it expires, so a captured
 * header cannot be used a second time on this replica, not even for the same request.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time a jti is presented; false on a replay. */
  firstUse(jti: string, expiresAt: number, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    if (this.seen.size > 1000) {
      for (const [id, exp] of this.seen) if (exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) this.seen.delete(id);
    }
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAt);
    return true;
  }
}

const refused = (message: string, reason: string) => unauthenticated(message, { reason });

/**
 * Subgraphs accept a request only with identity the gateway signed for this subgraph and this request
 * body, unexpired, short-lived and not seen before; everything else is UNAUTHENTICATED with a reason.
 */
export async function verifyGatewayIdentity(
  header: string | undefined,
  secret: string,
  expected: { subgraph: string; request: BoundRequest; replayGuard?: ReplayGuard },
): Promise<Identity> {
  if (!header) throw refused('Requests must come through the gateway', 'GATEWAY_IDENTITY_MISSING');
  try {
    const { payload } = await jwtVerify(header, keyOf(secret), {
      issuer: ISSUER,
      audience: subgraphAudience(expected.subgraph),
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'jti', 'req'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    checkTokenTimes(payload, { clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS, maxLifetimeSeconds: GATEWAY_IDENTITY_TTL_SECONDS });
    if (payload.req !== requestDigest(expected.request)) throw refused('Gateway identity was issued for another request', 'GATEWAY_IDENTITY_WRONG_REQUEST');
    if (expected.replayGuard && !expected.replayGuard.firstUse(String(payload.jti), payload.exp!)) throw refused('Gateway identity was already used', 'GATEWAY_IDENTITY_REPLAYED');
    return identitySchema.parse(payload.identity);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.details?.reason === 'TOKEN_LIFETIME_TOO_LONG') throw refused('Gateway identity lives too long', 'GATEWAY_IDENTITY_LIFETIME_TOO_LONG');
      if (error.details?.reason === 'TOKEN_ISSUED_IN_FUTURE') throw refused('Gateway identity is issued in the future', 'GATEWAY_IDENTITY_ISSUED_IN_FUTURE');
      throw error;
    }
    if (error instanceof errors.JWTExpired) throw refused('Gateway identity has expired', 'GATEWAY_IDENTITY_EXPIRED');
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') throw refused('Gateway identity was issued for another subgraph', 'GATEWAY_IDENTITY_WRONG_AUDIENCE');
    throw refused('Gateway identity is not valid', 'GATEWAY_IDENTITY_INVALID');
  }
}
