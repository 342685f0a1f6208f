import { ConfigError } from './load-config';
import { assertProductionSecrets, DEVELOPMENT_SECRETS, productionSecretProblems } from './production-secrets';

// Issue #13 item 5: production must not start with the repository's development secrets.
const strong = 'k7Qw9Zr2Lm4Xp8Vt1Ns6Hd3Jf5Gb0Ce7Ya9Ru2Wi4Oq'; // 44 random-looking bytes
const base64Strong = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');

describe('productionSecretProblems', () => {
  it.each([
    ['a strong secret', { GATEWAY_IDENTITY_SECRET: strong }, []],
    ['an absent optional secret', { AUTH_JWT_SECRET: undefined }, []],
    ['a base64 key of 32 bytes', { PERSONAL_IDENTITY_CODE_LOOKUP_KEY: base64Strong }, []],
    ...Object.entries(DEVELOPMENT_SECRETS).map(([name, value]) => [`the development value ${name}`, { SECRET: value }, ['SECRET: is a development value of this repository; set the county\'s own secret']] as const),
    ['a variant of a development value', { SECRET: 'dev-only-gateway-identity-secret-change-me-9999' }, ['SECRET: is a development value of this repository; set the county\'s own secret']],
    ['a base64-encoded placeholder', { KEY: Buffer.from('change-me-please-change-me-please!').toString('base64') }, ['KEY: is a development value of this repository; set the county\'s own secret']],
    ['31 bytes', { SECRET: strong.slice(0, 31) }, ['SECRET: must be at least 32 bytes in production']],
    ['32 bytes', { SECRET: strong.slice(0, 32) }, []],
    ['two problems, both named', { A: 'short', B: DEVELOPMENT_SECRETS.accessToken }, ['A: must be at least 32 bytes in production', 'B: is a development value of this repository; set the county\'s own secret']],
  ] as const)('in production, %s', (_label, secrets, expected) => {
    expect(productionSecretProblems({ NODE_ENV: 'production', secrets: { ...secrets } })).toEqual(expected);
  });

  it.each(['development', 'test'])('allows development values when NODE_ENV is %s', (NODE_ENV) => {
    expect(productionSecretProblems({ NODE_ENV, secrets: { S: DEVELOPMENT_SECRETS.gatewayIdentity }, accessTokens: { jwtSecret: DEVELOPMENT_SECRETS.accessToken, allowHs256InProduction: false } })).toEqual([]);
  });

  it.each([
    ['JWKS', { jwksUrl: 'https://idp.county.fi/jwks', allowHs256InProduction: false }, 0],
    ['a shared HS256 secret without the opt-in', { jwtSecret: strong, allowHs256InProduction: false }, 1],
    ['a shared HS256 secret with AUTH_ALLOW_HS256_IN_PRODUCTION=true', { jwtSecret: strong, allowHs256InProduction: true }, 0],
  ])('access tokens verified with %s in production', (_label, accessTokens, problems) => {
    const found = productionSecretProblems({ NODE_ENV: 'production', secrets: {}, accessTokens });
    expect(found).toHaveLength(problems);
    if (problems) expect(found[0]).toMatch(/^AUTH_JWT_SECRET: .*AUTH_ALLOW_HS256_IN_PRODUCTION=true/);
  });

  it('assertProductionSecrets throws a ConfigError that names variables, never values', () => {
    const error = (() => {
      try {
        assertProductionSecrets({ NODE_ENV: 'production', secrets: { GATEWAY_IDENTITY_SECRET: DEVELOPMENT_SECRETS.gatewayIdentity } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('GATEWAY_IDENTITY_SECRET');
    expect((error as Error).message).not.toContain(DEVELOPMENT_SECRETS.gatewayIdentity);
  });
});
