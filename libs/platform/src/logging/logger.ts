import pino, { Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';

/**
 * Keys whose values never reach a log line: identity codes, names, tokens, secrets.
 * Redaction is by key, so a personal identity code under one of these keys is removed wherever it sits.
 */
export const REDACTED_KEYS = [
  'personalIdentityCode',
  'henkilotunnus',
  'hetu',
  'ssn',
  'firstName',
  'lastName',
  'name',
  'authorization',
  'token',
  'password',
  'secret',
  'cookie',
];

const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export type AppLogger = Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The level for a logger made before the configuration is validated (e.g. the one that reports a bad
 * configuration): LOG_LEVEL when it is a level, else info. A bad LOG_LEVEL is then reported by loadConfig
 * in its one line, like every other bad variable, instead of pino throwing a stack trace.
 */
export function startupLogLevel(value: string | undefined = process.env.LOG_LEVEL): string {
  return value !== undefined && (LOG_LEVELS as readonly string[]).includes(value) ? value : 'info';
}

/** Structured JSON logs on stdout, one object per line, sensitive keys censored. */
export function createLogger(app: string, level: string = startupLogLevel()): AppLogger {
  return pino({
    level: startupLogLevel(level),
    base: { app },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/**
 * Nest logs this from app.init(), before the app listens: a port already taken would follow it with a
 * failure. Our own "listening" line, logged after listen() succeeded, is the one that says it started.
 */
const NEST_READY = 'Nest application successfully started';

/** Routes Nest's own framework logging into the same structured logger. */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: AppLogger) {}
  log(message: unknown, context?: string) {
    if (message === NEST_READY) this.logger.debug({ context }, 'Nest application initialised');
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
