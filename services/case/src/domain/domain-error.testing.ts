import { DomainError, ErrorCode } from '@asw/platform';

/** The DomainError `action` throws; fails the test when it throws nothing or something else. */
export function domainErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** Asserts `action` refuses with `code`, a message containing `message`, and (a subset of) `details`. */
export function expectRefusal(action: () => unknown, code: ErrorCode, message: string, details?: DomainError['details']): void {
  const error = domainErrorOf(action);
  expect(error.code).toBe(code);
  expect(error.message).toContain(message);
  if (details) expect(error.details).toMatchObject(details);
}
