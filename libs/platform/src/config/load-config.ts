import { z } from 'zod';
import { LOG_LEVELS } from '../logging/logger';

/** Thrown at startup when the environment does not describe a runnable app. Names keys, never values. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against a zod schema once, at startup, so a misconfigured app fails fast
 * with every problem listed, instead of failing later on first use. Values are never echoed: they may be secrets.
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return result.data;
}

const port = z.coerce.number().int().min(1).max(65535);
const secret = z.string().min(32, 'must be at least 32 characters');

/** Building blocks shared by the gateway's and every service's config schema. */
export const configFields = {
  port,
  secret,
  nodeEnv: z.enum(['development', 'test', 'production']).default('development'),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  kafkaBrokers: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean)),
  postgresUrl: z.string().regex(/^postgres(ql)?:\/\/.+\/[a-z_][a-z0-9_]*(\?.*)?$/, 'must be postgres://user:pass@host:port/database'),
};

/** What every subgraph service needs from its environment. */
export const serviceConfigSchema = z.object({
  NODE_ENV: configFields.nodeEnv,
  LOG_LEVEL: configFields.logLevel,
  PORT: port,
  /** The service's own login role (not a superuser, owns no table): what the service runs as. */
  DATABASE_URL: configFields.postgresUrl,
  /**
   * The owner role of the same database, for migrations only. When set, the service migrates and
   * grants the DATABASE_URL role its privileges with it, then serves as the DATABASE_URL role.
   * Unset: DATABASE_URL migrates too (a single-role development database).
   */
  DATABASE_MIGRATION_URL: configFields.postgresUrl.optional(),
  KAFKA_BROKERS: configFields.kafkaBrokers,
  /** Namespaces topic names, so parallel test suites or environments can share one broker. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
  GATEWAY_IDENTITY_SECRET: secret,
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
