import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { DEVELOPMENT_SECRETS, DomainError, unauthenticated } from '@asw/platform';
import { Identity, identitySchema } from './identity';

/** How the gateway checks access tokens: a shared HS256 secret (dev, tests) or the identity provider's JWKS. */
export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  jwtSecret?: string;
  jwksUrl?: string;
  /** Accepted signature algorithms of JWKS keys (pinned; a shared secret always means HS256 only). */
  jwksAlgorithms?: string[];
  clockToleranceSeconds?: number;
  /** The longest lifetime (`exp` − `iat`) a token may have; longer-lived tokens are refused. */
  maxLifetimeSeconds?: number;
}

/** Asymmetric algorithms an identity provider's JWKS is trusted with unless configured otherwise. */
export const DEFAULT_JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256'];
/** Default longest token lifetime: a working day (the development token printed by `npm start` lives 8 h). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/** A shared secret, or the identity provider's key set. */
export type AccessTokenKey = Uint8Array | ReturnType<typeof createRemoteJWKSet>;

/** Builds the verification key once; a JWKS is fetched and cached by jose, refreshed on unknown `kid`. */
export function accessTokenKey(settings: AccessTokenSettings): AccessTokenKey {
  if (settings.jwksUrl) return createRemoteJWKSet(new URL(settings.jwksUrl));
  if (settings.jwtSecret) return new TextEncoder().encode(settings.jwtSecret);
  throw new Error('access tokens need either a JWKS URL or a secret');
}

/**
 * Token claims → Identity. Users carry `sub`, `roles`, `team`, `org`; partners (client credentials)
 * carry `sub` (their client id), `partner` and `org`.
 */
function identityOf(claims: JWTPayload): Identity {
  const parsed = identitySchema.safeParse(
    typeof claims.partner === 'string'
      ? { kind: 'partner', partner: claims.partner, clientId: claims.sub, organisation: claims.org }
      : { kind: 'user', userId: claims.sub, roles: claims.roles, team: claims.team, organisation: claims.org, ...(typeof claims.name === 'string' && claims.name.trim() ? { name: claims.name.trim() } : {}) },
  );
  if (!parsed.success) throw unauthenticated('Access token lacks the claims of a user or a partner', { reason: 'TOKEN_CLAIMS_MISSING' });
  return parsed.data;
}

/**
 * Checks the issue time and lifetime the library leaves open: `iat` is required, not in the future
 * (beyond the clock tolerance), and `exp − iat` at most the configured maximum.
 */
export function checkTokenTimes(payload: JWTPayload, options: { clockToleranceSeconds: number; maxLifetimeSeconds: number }, nowSeconds = Math.floor(Date.now() / 1000)): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') throw unauthenticated('The access token must carry iat and exp', { reason: 'TOKEN_CLAIMS_MISSING' });
  if (iat > nowSeconds + options.clockToleranceSeconds) throw unauthenticated('The access token is issued in the future', { reason: 'TOKEN_ISSUED_IN_FUTURE' });
  if (exp - iat > options.maxLifetimeSeconds) throw unauthenticated(`The access token lives longer than the allowed ${options.maxLifetimeSeconds} s`, { reason: 'TOKEN_LIFETIME_TOO_LONG' });
}

/** The algorithm named in the token's protected header, or undefined when the header does not decode. */
function headerAlgorithm(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

/**
 * Verifies signature (pinned algorithms: `none` and anything unexpected are refused before the key is
 * touched), issuer, audience, expiry, issue time and lifetime. Anything wrong with the token, whatever
 * the library throws, is UNAUTHENTICATED with a plain message and a stable reason; never a 500.
 */
export async function verifyAccessToken(token: string | undefined, settings: AccessTokenSettings, key: AccessTokenKey): Promise<Identity> {
  if (!token) throw unauthenticated('An access token is required', { reason: 'TOKEN_MISSING' });
  const algorithms = key instanceof Uint8Array ? ['HS256'] : (settings.jwksAlgorithms ?? DEFAULT_JWKS_ALGORITHMS);
  const alg = headerAlgorithm(token);
  if (alg === undefined) throw unauthenticated('The access token is not valid', { reason: 'TOKEN_MALFORMED' });
  if (!algorithms.includes(alg)) throw unauthenticated('The access token is signed with an algorithm that is not accepted', { reason: 'TOKEN_ALGORITHM_NOT_ALLOWED' });
  const clockToleranceSeconds = settings.clockToleranceSeconds ?? 30;
  try {
    const options = { issuer: settings.issuer, audience: settings.audience, algorithms, clockTolerance: clockToleranceSeconds, requiredClaims: ['exp', 'iat', 'sub'] };
    const { payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    checkTokenTimes(payload, { clockToleranceSeconds, maxLifetimeSeconds: settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS });
    return identityOf(payload);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof errors.JWTExpired) throw unauthenticated('The access token has expired', { reason: 'TOKEN_EXPIRED' });
    if (error instanceof errors.JOSEAlgNotAllowed) throw unauthenticated('The access token is signed with an algorithm that is not accepted', { reason: 'TOKEN_ALGORITHM_NOT_ALLOWED' });
    throw unauthenticated('The access token is not valid', { reason: 'TOKEN_INVALID' });
  }
}

/**
 * Signs an HS256 access token, as an identity provider would. For local use and tests only: production
 * tokens come from the county's OIDC provider (verified through AUTH_JWKS_URL).
 */
export async function signAccessToken(identity: Identity, settings: { issuer: string; audience: string; jwtSecret: string }, ttlSeconds: number): Promise<string> {
  const claims =
    identity.kind === 'user'
      ? { roles: identity.roles, team: identity.team, org: identity.organisation, ...(identity.name ? { name: identity.name } : {}) }
      : { partner: identity.partner, org: identity.organisation };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.kind === 'user' ? identity.userId : identity.clientId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(settings.jwtSecret));
}

/** Settings `npm start` and `npm run token` use when no identity provider is configured. Never for production. */
export const DEV_AUTH = {
  issuer: 'https://auth.dev.asw.invalid',
  audience: 'asw-graph',
  jwtSecret: DEVELOPMENT_SECRETS.accessToken,
  gatewayIdentitySecret: DEVELOPMENT_SECRETS.gatewayIdentity,
} as const;


