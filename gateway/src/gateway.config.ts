import { z } from 'zod';
import { configFields } from '@asw/platform';

/** Subgraph URL overrides as `name=url,name=url` (e.g. in containers, where the supergraph's localhost URLs do not hold). */
const subgraphUrls = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const urls: Record<string, string> = {};
    for (const pair of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [name, url] = pair.split('=');
      if (!name || !url || !/^https?:\/\//.test(url)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be name=http(s)://url pairs separated by commas' });
        return z.NEVER;
      }
      urls[name] = url;
    }
    return urls;
  });

const limit = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');
const list = z
  .string()
  .optional()
  .transform((value) => (value === undefined ? undefined : value.split(',').map((part) => part.trim()).filter(Boolean)));

/** Browser origins allowed by default: in development any port on localhost; in production none. */
export const DEVELOPMENT_CORS_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** What the gateway needs from its environment; validated once at startup. */
export const gatewayConfigSchema = z
  .object({
    NODE_ENV: configFields.nodeEnv,
    LOG_LEVEL: configFields.logLevel,
    PORT: configFields.port,
    SUPERGRAPH_PATH: z.string().min(1).default('gateway/supergraph.graphql'),
    SUBGRAPH_URLS: subgraphUrls,
    AUTH_ISSUER: z.string().min(1),
    AUTH_AUDIENCE: z.string().min(1),
    /** HS256 shared secret (local runs and tests). In production use AUTH_JWKS_URL of the county's identity provider. */
    AUTH_JWT_SECRET: configFields.secret.optional(),
    AUTH_JWKS_URL: z.string().url().optional(),
    /** Signature algorithms accepted from the JWKS (pinned; `none` and HMAC never). */
    AUTH_JWKS_ALGORITHMS: list.pipe(z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1).optional()),
    /** The longest lifetime (exp − iat) of an access token the gateway accepts. */
    AUTH_MAX_TOKEN_LIFETIME_SECONDS: limit.default(12 * 3600),
    /** Production with a shared HS256 secret instead of JWKS: refused unless this is true (and then logged loudly at startup). */
    AUTH_ALLOW_HS256_IN_PRODUCTION: flag,
    /** Browser origins allowed to call the gateway (CORS), comma-separated, e.g. `https://app.county.fi`; default: localhost in development, none in production. */
    GATEWAY_CORS_ORIGINS: list.pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins like https://host[:port], comma-separated')).optional()),
    GATEWAY_IDENTITY_SECRET: configFields.secret,
    /** Partners' allow-listed operations: `<dir>/<PARTNER>/<name>.graphql`. */
    PARTNER_OPERATIONS_DIR: z.string().min(1).default('gateway/partner-operations'),
    GATEWAY_MAX_DEPTH: limit.default(12),
    GATEWAY_MAX_ALIASES: limit.default(30),
    GATEWAY_MAX_ROOT_FIELDS: limit.default(10),
    GATEWAY_MAX_COST: limit.default(10_000),
    /** Requests per minute per caller: for the whole deployment with REDIS_URL, else per gateway replica. */
    GATEWAY_RATE_LIMIT_PER_MINUTE: limit.default(600),
    /** Redis in which all gateway replicas count callers' requests together (`redis://[:password@]host:6379[/db]`); unset: each replica counts in memory. */
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
    /** Prefix of the rate limiter's Redis keys. */
    GATEWAY_RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('asw:gateway:rate'),
    GATEWAY_MAX_BODY_BYTES: limit.default(100_000),
  })
  .refine((config) => Boolean(config.AUTH_JWT_SECRET) !== Boolean(config.AUTH_JWKS_URL), {
    message: 'set exactly one of AUTH_JWT_SECRET and AUTH_JWKS_URL',
    path: ['AUTH_JWT_SECRET'],
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
