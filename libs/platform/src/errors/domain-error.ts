import { IntrinsicException } from '@nestjs/common';

/** The stable error codes clients see (PRODUCT.md). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** One thing wrong with an input: its field path (`input.lines[1].reason`), a stable reason and a plain message. */
export interface InputProblem {
  field: string;
  reason: string;
  message: string;
}

/**
 * A refusal the domain means to give: its code and message go to the client as they are.
 * Anything else thrown is a bug or an outage and reaches the client only as INTERNAL_SERVER_ERROR.
 * An IntrinsicException, so NestJS does not log it as an error: it is an answer, not a failure.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string | number | boolean | null | readonly InputProblem[]>,
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

/**
 * Every problem of an input at once (BAD_USER_INPUT): the message lists them, `details.problems` holds
 * each with its field path and reason; `details.reason`/`field` are those of the first.
 */
export function invalidInput(problems: readonly InputProblem[]): DomainError {
  if (problems.length === 0) throw new Error('invalidInput needs at least one problem');
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new DomainError('BAD_USER_INPUT', message, { reason: problems[0].reason, field: problems[0].field, problems: [...problems] });
}
