import { IntrinsicException } from '@nestjs/common';

/** The stable error codes clients see (PRODUCT.md). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * A refusal the domain means to give: its code and message go to the client as they are.
 * Anything else thrown is a bug or an outage and reaches the client only as INTERNAL_SERVER_ERROR.
 * An IntrinsicException, so NestJS does not log it as an error: it is an answer, not a failure.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string | number | boolean | null>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: DomainError['details']) => new DomainError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details?: DomainError['details']) => new DomainError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: DomainError['details']) => new DomainError('CONFLICT', message, details);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string, details?: DomainError['details']) => new DomainError('UNAUTHENTICATED', message, details);
