/**
 * Whether a failure belongs to the event (retrying the same event can never succeed) or to the
 * moment (the database is restarting, out of connections, a lock or statement timed out, a
 * serialization conflict): a transient failure is retried until the database is back, and must
 * never dead-letter a good event.
 *
 * PostgreSQL's SQLSTATE classes (Appendix A, "PostgreSQL Error Codes"):
 * 08 connection exception, 40 transaction rollback (40001 serialization_failure, 40P01 deadlock),
 * 53 insufficient resources (53300 too_many_connections), 55P03 lock_not_available,
 * 57014 query_canceled (statement_timeout), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now, 57P05 idle_session_timeout, 58 system error (I/O), XX000 is not one
 * (an internal error repeats). Everything else (22 data exception, 23 integrity constraint, 42
 * syntax or undefined object, a handler's own error) is the event's.
 */
export type FailureKind = 'transient' | 'event';

const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '53', '58']);
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03', '57P05', '25P03']);
/** Socket-level errors of the database connection (node's errno codes). */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/** Errors node-postgres and its pool raise without a code when a connection breaks or cannot be had. */
const TRANSIENT_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /Query read timeout/i,
];

/** The SQLSTATE (or socket errno code) of an error, also when TypeORM wraps the driver's error. */
export function errorCodeOf(error: unknown): string | undefined {
  for (let current: any = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.driverError ?? current.cause;
  }
  return undefined;
}

/** True when the code is a PostgreSQL SQLSTATE (five characters, digits and upper-case letters). */
export function isSqlState(code: string | undefined): code is string {
  return code !== undefined && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * TypeORM's errors of a connection that broke under a transaction: the query runner was released
 * when node-postgres reported the connection error, and the transaction's next query meets it.
 */
const TRANSIENT_ERROR_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError']);

export function failureKindOf(error: unknown): FailureKind {
  if (error instanceof Error && TRANSIENT_ERROR_NAMES.has(error.name)) return 'transient';
  const code = errorCodeOf(error);
  if (isSqlState(code)) return TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2)) ? 'transient' : 'event';
  if (code && TRANSIENT_SOCKET_CODES.has(code)) return 'transient';
  for (let current: any = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current.message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(current.message))) return 'transient';
    current = current.driverError ?? current.cause;
  }
  return 'event';
}

/** Names of the SQLSTATE classes, for error descriptions that carry no data (PostgreSQL Appendix A). */
export const SQLSTATE_CLASS_NAMES: Record<string, string> = {
  '08': 'connection exception',
  '0A': 'feature not supported',
  '21': 'cardinality violation',
  '22': 'data exception',
  '23': 'integrity constraint violation',
  '25': 'invalid transaction state',
  '28': 'invalid authorization specification',
  '2B': 'dependent privilege descriptors still exist',
  '3D': 'invalid catalog name',
  '3F': 'invalid schema name',
  '40': 'transaction rollback',
  '42': 'syntax error or access rule violation',
  '53': 'insufficient resources',
  '54': 'program limit exceeded',
  '55': 'object not in prerequisite state',
  '57': 'operator intervention',
  '58': 'system error',
  P0: 'PL/pgSQL error',
  XX: 'internal error',
};
