import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { DomainError } from '@asw/platform';
import { accessTokenKey, signAccessToken, verifyAccessToken } from './access-token';
import { BoundRequest, GATEWAY_IDENTITY_TTL_SECONDS, ReplayGuard, requestDigest, signGatewayIdentity, verifyGatewayIdentity } from './gateway-identity';
import type { Identity } from './identity';

const settings = { issuer: 'https://idp.test', audience: 'asw-graph-test', jwtSecret: 'unit-test-access-token-secret-0123456789' };
const key = accessTokenKey(settings);
const worker: Identity = { kind: 'user', userId: 'u-1', roles: ['SOCIAL_WORKER'], team: 'team-a', organisation: 'county-x' };
const kela: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu', organisation: 'Kela' };

async function rawToken(claims: Record<string, unknown>, overrides: { secret?: string; issuer?: string; audience?: string; exp?: number; iat?: number | null; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256' })
    .setSubject('u-1')
    .setIssuer(overrides.issuer ?? settings.issuer)
    .setAudience(overrides.audience ?? settings.audience)
    .setExpirationTime(overrides.exp ?? now + 60);
  if (overrides.iat !== null) jwt.setIssuedAt(overrides.iat ?? now);
  return jwt.sign(new TextEncoder().encode(overrides.secret ?? settings.jwtSecret));
}

/** A token signed with an RSA key: a key-confusion attempt against an HS256 setup, or a JWKS token. */
async function rsaToken(claims: Record<string, unknown>) {
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setSubject('u-1').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt(now).setExpirationTime(now + 60).sign(privateKey);
}

/** reason of a refusal, as the client sees it in extensions.details */
const reasonOf = (error: DomainError) => error.details?.reason;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('UNAUTHENTICATED');
  return error as DomainError;
}

describe('verifyAccessToken', () => {
  it.each([
    ['a worker', worker],
    ['Kela (client credentials)', kela],
  ])('accepts a valid token of %s and returns the identity', async (_label, identity) => {
    const token = await signAccessToken(identity, settings, 60);
    await expect(verifyAccessToken(token, settings, key)).resolves.toEqual(identity);
  });

  const userClaims = { roles: ['SOCIAL_WORKER'], team: 'team-a', org: 'county-x' };
  it.each([
    ['no token', async () => undefined, 'required'],
    ['garbage', async () => 'not-a-jwt', 'not valid'],
    ['a wrong signature', () => rawToken(userClaims, { secret: 'another-secret-another-secret-0123456789' }), 'not valid'],
    ['a wrong issuer', () => rawToken(userClaims, { issuer: 'https://evil.test' }), 'not valid'],
    ['a wrong audience', () => rawToken(userClaims, { audience: 'other-api' }), 'not valid'],
    ['an expired token', () => rawToken(userClaims, { exp: Math.floor(Date.now() / 1000) - 120 }), 'expired'],
    ['an unknown role', () => rawToken({ ...userClaims, roles: ['ADMIN'] }), 'lacks the claims'],
    ['no roles', () => rawToken({ team: 'team-a', org: 'county-x' }), 'lacks the claims'],
    ['an unknown partner', () => rawToken({ partner: 'TAX_OFFICE', org: 'Vero' }), 'lacks the claims'],
  ])('refuses %s with UNAUTHENTICATED', async (_label, make, message) => {
    const error = await refusal(verifyAccessToken(await make(), settings, key));
    expect(error.message).toContain(message);
  });

  // Issue #13, weak point "alg none / unexpected algorithm": pinned algorithms, each refusal with its stable reason (never a 500).
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['alg none (unsecured JWT)', async () => new UnsecuredJWT({ ...userClaims }).setSubject('u-1').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1m').encode(), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
    ['HS512 where only HS256 is pinned', () => rawToken(userClaims, { alg: 'HS512' }), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
    ['an RS256 token against the shared secret (key confusion)', () => rsaToken(userClaims), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
    ['a header that is not JSON', async () => 'eyJub3QganNvbg.e30.sig', 'TOKEN_MALFORMED'],
    ['a token without iat', () => rawToken(userClaims, { iat: null }), 'TOKEN_INVALID'],
    ['iat in the future beyond the clock tolerance', () => rawToken(userClaims, { iat: now() + 120, exp: now() + 180 }), 'TOKEN_ISSUED_IN_FUTURE'],
    ['a lifetime over the maximum (13 h > 12 h)', () => rawToken(userClaims, { iat: now(), exp: now() + 13 * 3600 }), 'TOKEN_LIFETIME_TOO_LONG'],
    ['an expired token', () => rawToken(userClaims, { iat: now() - 600, exp: now() - 120 }), 'TOKEN_EXPIRED'],
  ])('refuses %s: UNAUTHENTICATED, reason %s', async (_label, make, reason) => {
    const error = await refusal(verifyAccessToken(await make(), settings, key));
    expect(reasonOf(error)).toBe(reason);
  });

  it('accepts iat slightly in the future (within the clock tolerance) and a lifetime at the maximum', async () => {
    await expect(verifyAccessToken(await rawToken(userClaims, { iat: now() + 10, exp: now() + 60 }), settings, key)).resolves.toMatchObject({ userId: 'u-1' });
    await expect(verifyAccessToken(await rawToken(userClaims, { iat: now(), exp: now() + 3600 }), { ...settings, maxLifetimeSeconds: 3600 }, key)).resolves.toMatchObject({ userId: 'u-1' });
    const error = await refusal(verifyAccessToken(await rawToken(userClaims, { iat: now(), exp: now() + 3601 }), { ...settings, maxLifetimeSeconds: 3600 }, key));
    expect(reasonOf(error)).toBe('TOKEN_LIFETIME_TOO_LONG');
  });

  it('with a JWKS, accepts only the pinned asymmetric algorithms', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' };
    const server = (await import('node:http')).createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const jwks = { issuer: settings.issuer, audience: settings.audience, jwksUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks` };
      const jwksKey = accessTokenKey(jwks);
      const es256 = await new SignJWT(userClaims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('u-1').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1m').sign(privateKey);
      await expect(verifyAccessToken(es256, jwks, jwksKey)).resolves.toMatchObject({ userId: 'u-1' });
      expect(reasonOf(await refusal(verifyAccessToken(es256, { ...jwks, jwksAlgorithms: ['RS256'] }, jwksKey)))).toBe('TOKEN_ALGORITHM_NOT_ALLOWED');
      // An HS256 token against a JWKS setup (the public key as a shared secret) is refused before any key lookup.
      expect(reasonOf(await refusal(verifyAccessToken(await rawToken(userClaims), jwks, jwksKey)))).toBe('TOKEN_ALGORITHM_NOT_ALLOWED');
    } finally {
      server.close();
    }
  });

  it('tolerates small clock skew but not more', async () => {
    const justExpired = await rawToken(userClaims, { exp: Math.floor(Date.now() / 1000) - 5 });
    await expect(verifyAccessToken(justExpired, settings, key)).resolves.toMatchObject({ userId: 'u-1' });
  });
});

describe('gateway identity', () => {
  const secret = 'unit-test-gateway-identity-secret-0123456789';
  const body = { query: 'mutation($id: ID!) { closeCase(id: $id) { id } }', variables: { id: 'c-1' } };
  const bind: { subgraph: string; request: BoundRequest } = { subgraph: 'case', request: body };
  const expected = (overrides: Partial<typeof bind> = {}) => ({ ...bind, ...overrides });

  it('round-trips the identity the gateway verified, for the one subgraph and request it was minted for', async () => {
    await expect(verifyGatewayIdentity(await signGatewayIdentity(worker, secret, bind), secret, expected())).resolves.toEqual(worker);
  });

  it('binds the request in canonical form: key order and an absent operationName do not matter', () => {
    expect(requestDigest({ variables: { b: 1, a: 2 }, query: 'q' })).toBe(requestDigest({ query: 'q', operationName: null, variables: { a: 2, b: 1 } }));
    expect(requestDigest({ query: 'q', variables: { a: 1 } })).not.toBe(requestDigest({ query: 'q', variables: { a: 2 } }));
  });

  // Issue #13, weak point "gateway→subgraph identity": each replay is refused with its own reason.
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['missing', async () => undefined, expected(), 'GATEWAY_IDENTITY_MISSING'],
    ['signed with another secret', () => signGatewayIdentity(worker, 'x'.repeat(40), bind), expected(), 'GATEWAY_IDENTITY_INVALID'],
    ['an end-user access token instead', () => signAccessToken(worker, { ...settings, jwtSecret: secret }, 60), expected(), 'GATEWAY_IDENTITY_INVALID'],
    ['replayed with another body', () => signGatewayIdentity(worker, secret, bind), expected({ request: { ...body, variables: { id: 'c-2' } } }), 'GATEWAY_IDENTITY_WRONG_REQUEST'],
    ['replayed with another query', () => signGatewayIdentity(worker, secret, bind), expected({ request: { query: '{ __typename }' } }), 'GATEWAY_IDENTITY_WRONG_REQUEST'],
    ['replayed against another subgraph', () => signGatewayIdentity(worker, secret, bind), expected({ subgraph: 'benefits-handling' }), 'GATEWAY_IDENTITY_WRONG_AUDIENCE'],
    ['replayed after expiry', () => signGatewayIdentity(worker, secret, { ...bind, now: now() - 60 }), expected(), 'GATEWAY_IDENTITY_EXPIRED'],
    ['minted with a lifetime of a year', () => signGatewayIdentity(worker, secret, { ...bind, ttlSeconds: 365 * 24 * 3600 }), expected(), 'GATEWAY_IDENTITY_LIFETIME_TOO_LONG'],
    ['issued in the future', () => signGatewayIdentity(worker, secret, { ...bind, now: now() + 60 }), expected(), 'GATEWAY_IDENTITY_ISSUED_IN_FUTURE'],
    ['without exp, iat and jti', () => new SignJWT({ identity: worker, req: requestDigest(body) }).setProtectedHeader({ alg: 'HS256' }).setIssuer('asw-gateway').setAudience('asw-subgraph:case').sign(new TextEncoder().encode(secret)), expected(), 'GATEWAY_IDENTITY_INVALID'],
  ])('refuses identity that is %s', async (_label, make, expectation, reason) => {
    expect(reasonOf(await refusal(verifyGatewayIdentity(await make(), secret, expectation)))).toBe(reason);
  });

  it('lives seconds', () => expect(GATEWAY_IDENTITY_TTL_SECONDS).toBeLessThanOrEqual(30));

  it('is good for one request: the same header a second time is refused as a replay', async () => {
    const replayGuard = new ReplayGuard();
    const token = await signGatewayIdentity(worker, secret, bind);
    await expect(verifyGatewayIdentity(token, secret, { ...bind, replayGuard })).resolves.toEqual(worker);
    expect(reasonOf(await refusal(verifyGatewayIdentity(token, secret, { ...bind, replayGuard })))).toBe('GATEWAY_IDENTITY_REPLAYED');
    await expect(verifyGatewayIdentity(await signGatewayIdentity(worker, secret, bind), secret, { ...bind, replayGuard })).resolves.toEqual(worker);
  });
});
