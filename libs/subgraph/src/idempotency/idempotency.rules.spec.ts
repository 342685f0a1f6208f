import { OperationDefinitionNode, parse } from 'graphql';
import { DomainError } from '@asw/platform';
import { callerOf, parseIdempotencyKey, requestHashOf, scopeOf } from './idempotency.rules';

const operation = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;
const openCase = operation('mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }');

describe('parseIdempotencyKey (the Idempotency-Key header)', () => {
  it.each([
    ['absent', undefined, undefined],
    ['a UUID', '0b8f4c7e-3a51-4f4e-9d36-2f1c5d7e9a10', '0b8f4c7e-3a51-4f4e-9d36-2f1c5d7e9a10'],
    ['surrounding spaces trimmed', '  retry-key-0001 ', 'retry-key-0001'],
    ['base64 characters', 'YWJjZGVmZ2g+/=', 'YWJjZGVmZ2g+/='],
  ])('%s → accepted', (_name, header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'k'.repeat(201)],
    ['inner space', 'retry key 0001'],
    ['non-ASCII', 'avain-äö-0001'],
    ['empty', ''],
  ])('%s → BAD_USER_INPUT IDEMPOTENCY_KEY_INVALID', (_name, header) => {
    let thrown: unknown;
    try {
      parseIdempotencyKey(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'IDEMPOTENCY_KEY_INVALID', field: 'header.Idempotency-Key' } });
  });
});

describe('what counts as the same request', () => {
  const input = { clientId: 'c-1', kind: 'ADULT_SOCIAL_WORK', notes: { a: 1, b: 2 } };
  it.each([
    ['same variables, keys in another order', { notes: { b: 2, a: 1 }, kind: 'ADULT_SOCIAL_WORK', clientId: 'c-1' }, true],
    ['other value', { ...input, clientId: 'c-2' }, false],
    ['a field more', { ...input, extra: true }, false],
  ])('%s → same: %s', (_name, other, same) => {
    expect(requestHashOf(openCase, { input }) === requestHashOf(openCase, { input: other })).toBe(same);
  });

  it('an inline literal is input too', () => {
    const a = operation('mutation { openCase(input: {clientId: "c-1"}) { id } }');
    const b = operation('mutation { openCase(input: {clientId: "c-2"}) { id } }');
    expect(requestHashOf(a, {})).not.toBe(requestHashOf(b, {}));
  });

  it('a key is remembered per set of mutation fields and per caller', () => {
    expect(scopeOf(openCase)).toBe('openCase');
    expect(scopeOf(operation('mutation { b: registerClient(input: {}) { id } openCase(input: {}) { id } }'))).toBe('openCase,registerClient');
    const worker = { kind: 'user' as const, userId: 'w-1', roles: ['SOCIAL_WORKER' as const], team: 't', organisation: 'o' };
    expect(callerOf(worker)).not.toBe(callerOf({ ...worker, userId: 'w-2' }));
    expect(callerOf({ kind: 'partner', partner: 'KELA', clientId: 'kela-1', organisation: 'Kela' })).toBe('partner:KELA:kela-1');
  });
});
