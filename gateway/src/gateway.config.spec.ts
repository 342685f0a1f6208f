import { loadConfig } from '@asw/platform';
import { corsOrigin } from './gateway.app';
import { DEVELOPMENT_CORS_ORIGIN, gatewayConfigSchema } from './gateway.config';

const base = { PORT: '4000', AUTH_ISSUER: 'https://idp.test', AUTH_AUDIENCE: 'asw', AUTH_JWT_SECRET: 'x'.repeat(40), GATEWAY_IDENTITY_SECRET: 'y'.repeat(40) };

describe('gateway config: trust settings', () => {
  it('defaults: 12 h maximum token lifetime, no HS256 opt-in, no CORS list', () => {
    const config = loadConfig(gatewayConfigSchema, base);
    expect(config).toMatchObject({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 43_200, AUTH_ALLOW_HS256_IN_PRODUCTION: false });
    expect(config.GATEWAY_CORS_ORIGINS).toBeUndefined();
    expect(config.AUTH_JWKS_ALGORITHMS).toBeUndefined();
  });

  it.each([
    [{ AUTH_JWKS_ALGORITHMS: 'RS256, ES256' }, { AUTH_JWKS_ALGORITHMS: ['RS256', 'ES256'] }],
    [{ GATEWAY_CORS_ORIGINS: 'https://app.county.fi, http://localhost:5173' }, { GATEWAY_CORS_ORIGINS: ['https://app.county.fi', 'http://localhost:5173'] }],
    [{ AUTH_ALLOW_HS256_IN_PRODUCTION: 'true' }, { AUTH_ALLOW_HS256_IN_PRODUCTION: true }],
    [{}, { GATEWAY_RATE_LIMIT_KEY_PREFIX: 'asw:gateway:rate' }],
    [{ REDIS_URL: 'redis://:pw@redis:6379/0', GATEWAY_RATE_LIMIT_KEY_PREFIX: 'county-a:rate' }, { REDIS_URL: 'redis://:pw@redis:6379/0', GATEWAY_RATE_LIMIT_KEY_PREFIX: 'county-a:rate' }],
    [{ REDIS_URL: 'rediss://redis.internal:6380' }, { REDIS_URL: 'rediss://redis.internal:6380' }],
  ])('parses %j', (env, expected) => {
    expect(loadConfig(gatewayConfigSchema, { ...base, ...env })).toMatchObject(expected);
  });

  it.each([
    [{ AUTH_JWKS_ALGORITHMS: 'none' }, 'AUTH_JWKS_ALGORITHMS'],
    [{ AUTH_JWKS_ALGORITHMS: 'HS256' }, 'AUTH_JWKS_ALGORITHMS'],
    [{ GATEWAY_CORS_ORIGINS: 'https://app.county.fi/path' }, 'GATEWAY_CORS_ORIGINS'],
    [{ GATEWAY_CORS_ORIGINS: '*' }, 'GATEWAY_CORS_ORIGINS'],
    [{ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' }, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS'],
    [{ REDIS_URL: 'http://redis:6379' }, 'REDIS_URL'],
  ])('refuses %j', (env, name) => {
    expect(() => loadConfig(gatewayConfigSchema, { ...base, ...env })).toThrow(name);
  });
});

describe('corsOrigin', () => {
  it.each([
    ['development without a list: localhost on any port', { NODE_ENV: 'development' as const, GATEWAY_CORS_ORIGINS: undefined }, [DEVELOPMENT_CORS_ORIGIN]],
    ['production without a list: none', { NODE_ENV: 'production' as const, GATEWAY_CORS_ORIGINS: undefined }, []],
    ['a configured list, in any mode', { NODE_ENV: 'production' as const, GATEWAY_CORS_ORIGINS: ['https://app.county.fi'] }, ['https://app.county.fi']],
  ])('%s', (_label, config, expected) => {
    expect(corsOrigin(config)).toEqual(expected);
  });

  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.1:3000', true],
    ['http://localhost', true],
    ['http://localhost.evil.example', false],
    ['https://evil.example', false],
    ['http://localhost:5173.evil.example', false],
  ])('the development pattern: %s → %s', (origin, allowed) => {
    expect(DEVELOPMENT_CORS_ORIGIN.test(origin)).toBe(allowed);
  });
});
