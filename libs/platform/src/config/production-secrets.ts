import { ConfigError } from './load-config';

/**
 * Every secret value this repository ships (development runs, tests, docker-compose examples). They
 * are public: production refuses each of them. The apps' development defaults are taken from here.
 */
export const DEVELOPMENT_SECRETS = {
  accessToken: 'dev-only-access-token-secret-change-me-0123456789',
  gatewayIdentity: 'dev-only-gateway-identity-secret-change-me-0123',
  testAccessToken: 'test-only-user-token-secret-0123456789abcdef',
  testGatewayIdentity: 'test-only-gateway-identity-secret-0123456789',
  /** base64 of the development henkilötunnus keys (libs/personal-identity-code DEV_KEYRING). */
  identityCodeEncryptionKey: Buffer.from('dev-only-pic-encryption-key-0001', 'utf8').toString('base64'),
  identityCodeLookupKey: Buffer.from('dev-only-pic-lookup-key-change-me', 'utf8').toString('base64'),
  /** Published in docker-compose.yml before it required real values. */
  composeIdentityCodeEncryptionKey: 'Y29tcG9zZS1vbmx5LXBpYy1lbmNyeXB0aW9uLWtleTE=',
  composeIdentityCodeLookupKey: 'Y29tcG9zZS1vbmx5LXBpYy1sb29rdXAta2V5LWNoYW5nZS1tZQ==',
} as const;

/** The shortest secret production accepts (HS256 wants at least as many key bytes as its hash output). */
export const MIN_SECRET_BYTES = 32;

const KNOWN = new Set<string>(Object.values(DEVELOPMENT_SECRETS));
/** Words only a placeholder or development value contains, in the value or in its base64 decoding. */
const PLACEHOLDER = /dev-only|test-only|schema-only|change-?me|compose-only|example|placeholder/i;

function looksLikeDevelopmentValue(value: string): boolean {
  if (KNOWN.has(value) || PLACEHOLDER.test(value)) return true;
  const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
  return PLACEHOLDER.test(decoded);
}

export interface ProductionSecretsInput {
  NODE_ENV: string;
  /** Each secret by its variable name; absent ones are skipped (the schema says whether they are required). */
  secrets: Record<string, string | undefined>;
  /** The gateway only: how access tokens are verified. */
  accessTokens?: { jwtSecret?: string; jwksUrl?: string; allowHs256InProduction: boolean };
}

/**
 * The one rule (issue #13 item 5) the gateway and every subgraph apply at startup: in production no
 * secret equals or looks like a development value, none is shorter than 32 bytes, and access tokens are
 * verified with the county's JWKS, not a shared HS256 secret, unless explicitly allowed. Names
 * variables, never values. Outside production there are no problems.
 */
export function productionSecretProblems(input: ProductionSecretsInput): string[] {
  if (input.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(input.secrets)) {
    if (value === undefined) continue;
    if (looksLikeDevelopmentValue(value)) problems.push(`${name}: is a development value of this repository; set the county's own secret`);
    else if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) problems.push(`${name}: must be at least ${MIN_SECRET_BYTES} bytes in production`);
  }
  const tokens = input.accessTokens;
  if (tokens?.jwtSecret !== undefined && !tokens.allowHs256InProduction) {
    problems.push('AUTH_JWT_SECRET: production verifies access tokens with the identity provider\'s keys (AUTH_JWKS_URL); a shared HS256 secret needs AUTH_ALLOW_HS256_IN_PRODUCTION=true');
  }
  return problems;
}

/** Throws a ConfigError naming every problem productionSecretProblems finds. */
export function assertProductionSecrets(input: ProductionSecretsInput): void {
  const problems = productionSecretProblems(input);
  if (problems.length > 0) throw new ConfigError(problems);
}
