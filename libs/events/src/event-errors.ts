import { ZodError } from 'zod';
import { errorCodeOf, isSqlState, SQLSTATE_CLASS_NAMES } from './failure-kind';

/**
 * A description of a failure that is safe to log and to store: zod issues by path and code only
 * (their messages can quote the invalid value, which may be personal data); database errors by error
 * class, SQLSTATE and its class name, and the constraint or table they name (PostgreSQL's message and
 * detail quote the offending value: `Key (x)=(…) already exists`, `invalid input syntax …: "…"`);
 * other errors by name and message.
 */
export function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; ');
  }
  const code = errorCodeOf(error);
  if (isSqlState(code) && error instanceof Error) {
    const driver: any = (error as any).driverError ?? error;
    const names = [driver.constraint && `constraint ${driver.constraint}`, driver.table && `table ${driver.table}`, driver.column && `column ${driver.column}`].filter(Boolean);
    const className = SQLSTATE_CLASS_NAMES[code.slice(0, 2)] ?? 'database error';
    return `${error.name}: SQLSTATE ${code} (${className})${names.length > 0 ? `, ${names.join(', ')}` : ''}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The last failure of a component, for readiness and metrics. */
export interface ErrorRecord {
  message: string;
  at: Date;
}
