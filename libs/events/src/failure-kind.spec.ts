import { DatabaseError } from 'pg-protocol';
import { QueryFailedError } from 'typeorm';
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm/error/QueryRunnerProviderAlreadyReleasedError';
import { z } from 'zod';
import { describeError } from './event-errors';
import { failureKindOf, FailureKind } from './failure-kind';

/** A PostgreSQL error as node-postgres raises it, wrapped by TypeORM as a query's failure is. */
function pgError(code: string, message: string, extra: Partial<DatabaseError> = {}): QueryFailedError {
  const driverError = Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'ERROR' }, extra);
  return new QueryFailedError('INSERT INTO test_applied VALUES ($1)', ['secret-value'], driverError);
}
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });

// SQLSTATEs from PostgreSQL's documentation, Appendix A "PostgreSQL Error Codes".
const cases: Array<[string, unknown, FailureKind]> = [
  ['connection refused (server down or restarting)', socketError('ECONNREFUSED'), 'transient'],
  ['connection reset mid-query', socketError('ECONNRESET'), 'transient'],
  ['connection timed out', socketError('ETIMEDOUT'), 'transient'],
  ['pool could not get a connection in time', new Error('timeout exceeded when trying to connect'), 'transient'],
  ['connection ended by the server', new Error('Connection terminated unexpectedly'), 'transient'],
  ['TypeORM-wrapped broken connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')), 'transient'],
  ['connection broke under a transaction (TypeORM released its runner)', new QueryRunnerProviderAlreadyReleasedError(), 'transient'],
  ['pool client left unusable by a connection error', new Error('Client has encountered a connection error and is not queryable'), 'transient'],
  ['53300 too_many_connections', pgError('53300', 'sorry, too many clients already'), 'transient'],
  ['53100 disk_full', pgError('53100', 'could not extend file'), 'transient'],
  ['08006 connection_failure', pgError('08006', 'connection failure'), 'transient'],
  ['55P03 lock_not_available (lock_timeout)', pgError('55P03', 'canceling statement due to lock timeout'), 'transient'],
  ['57014 query_canceled (statement_timeout)', pgError('57014', 'canceling statement due to statement timeout'), 'transient'],
  ['40001 serialization_failure', pgError('40001', 'could not serialize access due to concurrent update'), 'transient'],
  ['40P01 deadlock_detected', pgError('40P01', 'deadlock detected'), 'transient'],
  ['57P01 admin_shutdown', pgError('57P01', 'terminating connection due to administrator command'), 'transient'],
  ['57P02 crash_shutdown', pgError('57P02', 'terminating connection because of crash of another server process'), 'transient'],
  ['57P03 cannot_connect_now (starting up)', pgError('57P03', 'the database system is starting up'), 'transient'],
  ['58030 io_error', pgError('58030', 'could not read block'), 'transient'],
  ['23505 unique_violation: the event is wrong', pgError('23505', 'duplicate key value violates unique constraint "x_pkey"'), 'event'],
  ['23503 foreign_key_violation', pgError('23503', 'insert or update on table "x" violates foreign key constraint'), 'event'],
  ['22P02 invalid_text_representation', pgError('22P02', 'invalid input syntax for type uuid: "not-a-uuid"'), 'event'],
  ['42P01 undefined_table (a broken build, not a blip)', pgError('42P01', 'relation "nope" does not exist'), 'event'],
  ['XX000 internal_error repeats', pgError('XX000', 'internal error'), 'event'],
  ["a handler's own error", new Error('test handler refuses n=3'), 'event'],
  ['a payload that fails a schema', z.object({ n: z.number() }).safeParse({ n: 'x' }).error, 'event'],
  ['not an Error at all', 'boom', 'event'],
];

describe('failureKindOf: retry until the database is back, or dead-letter the event', () => {
  it.each(cases)('%s → %s', (_name, error, kind) => {
    expect(failureKindOf(error)).toBe(kind);
  });
});

describe('describeError: error class and SQLSTATE, never data from the event', () => {
  it.each([
    ['unique violation with the value in its detail', pgError('23505', 'duplicate key value violates unique constraint "client_pkey"', { detail: 'Key (id)=(130585-902E) already exists.', constraint: 'client_pkey', table: 'client' }), 'QueryFailedError: SQLSTATE 23505 (integrity constraint violation), constraint client_pkey, table client'],
    ['bad uuid quoting the value', pgError('22P02', 'invalid input syntax for type uuid: "Aino Virtanen"'), 'QueryFailedError: SQLSTATE 22P02 (data exception)'],
    ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command'), 'QueryFailedError: SQLSTATE 57P01 (operator intervention)'],
    ['an unwrapped driver error', Object.assign(new DatabaseError('value too long for type character varying(3): "Virtanen"', 0, 'error'), { code: '22001' }), 'error: SQLSTATE 22001 (data exception)'],
  ])('%s', (_name, error, description) => {
    expect(describeError(error)).toBe(description);
    expect(describeError(error)).not.toMatch(/130585|Aino|Virtanen|secret-value/);
  });

  it('keeps the name and message of errors that are not the database', () => {
    expect(describeError(socketError('ECONNREFUSED'))).toBe('Error: connect ECONNREFUSED 127.0.0.1:5432');
  });
});
