import { ZodError } from 'zod';

/**
 * A description of a failure that is safe to log and to store: zod issues by path and code only
 * (their messages can quote the invalid value, which may be personal data), other errors by name and message.
 */
export function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; ');
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The last failure of a component, for readiness and metrics. */
export interface ErrorRecord {
  message: string;
  at: Date;
}
