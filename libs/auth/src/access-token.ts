import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '@asw/platform';
import { Identity, identitySchema } from './identity';

/** How the gateway checks access tokens: a shared HS256 secret (dev, tests) or the identity provider's JWKS. */
export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  jwtSecret?: string;
  jwksUrl?: string;
  clockToleranceSeconds?: number;
}

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
      : { kind: 'user', userId: claims.sub, roles: claims.roles, team: claims.team, organisation: claims.org },
  );
  if (!parsed.success) throw unauthenticated('Access token lacks the claims of a user or a partner');
  return parsed.data;
}

/** Verifies signature, issuer, audience and expiry; anything wrong is UNAUTHENTICATED with a plain reason. */
export async function verifyAccessToken(token: string | undefined, settings: AccessTokenSettings, key: AccessTokenKey): Promise<Identity> {
  if (!token) throw unauthenticated('An access token is required');
  try {
    const options = { issuer: settings.issuer, audience: settings.audience, clockTolerance: settings.clockToleranceSeconds ?? 30, requiredClaims: ['exp', 'sub'] };
    const { payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return identityOf(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('The access token has expired');
    if (error instanceof errors.JOSEError) throw unauthenticated('The access token is not valid');
    throw error;
  }
}

/**
 * Signs an HS256 access token, as an identity provider would. For local use and tests only: production
 * tokens come from the county's OIDC provider (verified through AUTH_JWKS_URL).
 */
export async function signAccessToken(identity: Identity, settings: { issuer: string; audience: string; jwtSecret: string }, ttlSeconds: number): Promise<string> {
  const claims =
    identity.kind === 'user'
      ? { roles: identity.roles, team: identity.team, org: identity.organisation }
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
  jwtSecret: 'dev-only-access-token-secret-change-me-0123456789',
  gatewayIdentitySecret: 'dev-only-gateway-identity-secret-change-me-0123',
} as const;


