import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';
import type { AppLogger } from '../logging/logger';

/** Codes that are safe to pass through: they describe the request, not the server. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'ACCESS_LOG_UNAVAILABLE',
]);

/** Whether an error code describes the request (the caller's doing) rather than a failure of ours. */
export function isClientErrorCode(code: string): boolean {
  return CLIENT_CODES.has(code);
}

/**
 * The one mapping from what was thrown to what a client sees: a code and a plain message, never a
 * stack trace, SQL or internal detail. Unknown errors are logged (without personal data) and masked.
 */
export function createErrorFormatter(logger: AppLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_CODES.has(code)) {
      // Errors relayed by the gateway from a subgraph arrive already formatted: keep their details.
      const details = formatted.extensions?.details;
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: details ? { code, details } : { code } };
    }
    logger.error({ err: original instanceof Error ? { type: original.name, message: original.message, stack: original.stack } : String(original), path: formatted.path }, 'unhandled error in GraphQL request');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
