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

/** Structured JSON logs on stdout, one object per line, sensitive keys censored. */
export function createLogger(app: string, level: string = process.env.LOG_LEVEL ?? 'info'): AppLogger {
  return pino({
    level,
    base: { app },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Routes Nest's own framework logging into the same structured logger. */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: AppLogger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
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
