import { SignJWT } from 'jose';
import { DomainError } from '@asw/platform';
import { accessTokenKey, signAccessToken, verifyAccessToken } from './access-token';
import { signGatewayIdentity, verifyGatewayIdentity } from './gateway-identity';
import type { Identity } from './identity';

const settings = { issuer: 'https://idp.test', audience: 'asw-graph-test', jwtSecret: 'unit-test-access-token-secret-0123456789' };
const key = accessTokenKey(settings);
const worker: Identity = { kind: 'user', userId: 'u-1', roles: ['SOCIAL_WORKER'], team: 'team-a', organisation: 'county-x' };
const kela: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu', organisation: 'Kela' };

async function rawToken(claims: Record<string, unknown>, overrides: { secret?: string; issuer?: string; audience?: string; exp?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u-1')
    .setIssuer(overrides.issuer ?? settings.issuer)
    .setAudience(overrides.audience ?? settings.audience)
    .setExpirationTime(overrides.exp ?? now + 60)
    .sign(new TextEncoder().encode(overrides.secret ?? settings.jwtSecret));
}

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

  it('tolerates small clock skew but not more', async () => {
    const justExpired = await rawToken(userClaims, { exp: Math.floor(Date.now() / 1000) - 5 });
    await expect(verifyAccessToken(justExpired, settings, key)).resolves.toMatchObject({ userId: 'u-1' });
  });
});

describe('gateway identity', () => {
  const secret = 'unit-test-gateway-identity-secret-0123456789';

  it('round-trips the identity the gateway verified', async () => {
    await expect(verifyGatewayIdentity(await signGatewayIdentity(worker, secret), secret)).resolves.toEqual(worker);
  });

  it.each([
    ['missing', async () => undefined],
    ['signed with another secret', () => signGatewayIdentity(worker, 'x'.repeat(40))],
    ['an end-user access token instead', () => signAccessToken(worker, { ...settings, jwtSecret: secret }, 60)],
  ])('refuses identity that is %s', async (_label, make) => {
    await refusal(verifyGatewayIdentity(await make(), secret));
  });
});
