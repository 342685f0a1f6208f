import { GraphQLError } from 'graphql';
import { createLogger } from '../logging/logger';
import { badInput, conflict, notFound } from './domain-error';
import { createErrorFormatter } from './format-error';

const logger = createLogger('test', 'silent');
const format = createErrorFormatter(logger);
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('createErrorFormatter', () => {
  it.each([
    [badInput('firstName must not be empty', { field: 'firstName' }), { code: 'BAD_USER_INPUT', details: { field: 'firstName' } }],
    [notFound('No client with that id'), { code: 'NOT_FOUND' }],
    [conflict('Already registered', { existingClientId: 'abc' }), { code: 'CONFLICT', details: { existingClientId: 'abc' } }],
  ])('passes a domain error through as code and message: %s', (error, extensions) => {
    const graphQLError = wrap(error);
    expect(format(graphQLError.toJSON(), graphQLError)).toEqual({ message: error.message, path: ['x'], extensions });
  });

  it('masks anything else: no message, stack or SQL reaches the client', () => {
    const leak = Object.assign(new Error('duplicate key value violates unique constraint "client_pkey" INSERT INTO client'), { code: '23505' });
    const graphQLError = wrap(leak);
    const formatted = format({ ...graphQLError.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, graphQLError);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the code and details of an error a subgraph already formatted', () => {
    const relayed = new GraphQLError('lastName must not be empty', { extensions: { code: 'BAD_USER_INPUT', details: { field: 'lastName' }, serviceName: 'case' } });
    expect(format(relayed.toJSON(), relayed).extensions).toEqual({ code: 'BAD_USER_INPUT', details: { field: 'lastName' } });
  });
});
