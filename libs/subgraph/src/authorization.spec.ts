import type { Identity, UserIdentity } from '@asw/auth';
import { DomainError } from '@asw/platform';
import { performedBy, requirePartner, requireUser } from './authorization';
import { LocalDateScalar } from './local-date.scalar';

const worker: Identity = { kind: 'user', userId: 'u', roles: ['SOCIAL_INSTRUCTOR'], team: 't', organisation: 'o' };
const handler: Identity = { kind: 'user', userId: 'h', roles: ['BENEFITS_HANDLER'], team: 't', organisation: 'o' };
const kela: Identity = { kind: 'partner', partner: 'KELA', clientId: 'k', organisation: 'Kela' };
const te: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'te', organisation: 'TE' };

const outcome = (check: () => unknown) => {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'crashed';
  }
};

describe('requireUser / requirePartner', () => {
  it.each([
    ['a worker, any role', () => requireUser(worker), 'allowed'],
    ['a worker with the role', () => requireUser(worker, 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR'), 'allowed'],
    ['a worker without the role', () => requireUser(handler, 'SOCIAL_WORKER'), 'FORBIDDEN'],
    ['a partner on a worker operation', () => requireUser(kela), 'FORBIDDEN'],
    ['Kela on a Kela operation', () => requirePartner(kela, 'KELA'), 'allowed'],
    ['employment services on a Kela operation', () => requirePartner(te, 'KELA'), 'FORBIDDEN'],
    ['a worker on a Kela operation', () => requirePartner(worker, 'KELA'), 'FORBIDDEN'],
  ])('%s → %s', (_label, check, expected) => {
    expect(outcome(check)).toBe(expected);
  });
});

describe('LocalDate scalar', () => {
  it.each([
    ['2026-04-02', '2026-04-02'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-30', 'BAD_USER_INPUT'],
    ['2026-4-2', 'BAD_USER_INPUT'],
    ['2026-04-02T00:00:00Z', 'BAD_USER_INPUT'],
    [20260402, 'BAD_USER_INPUT'],
  ])('parses %j → %s', (input, expected) => {
    let result: unknown;
    try {
      result = LocalDateScalar.parseValue(input);
    } catch (error) {
      result = (error as { extensions?: { code?: string } }).extensions?.code;
    }
    expect(result).toBe(expected);
  });
});

describe('performedBy', () => {
  const both: Identity = { kind: 'user', userId: 'w', roles: ['AUDITOR', 'PRACTICAL_NURSE', 'SOCIAL_INSTRUCTOR'], team: 't', organisation: 'o' };
  it.each([
    { roles: ['SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE'] as const, expected: 'SOCIAL_INSTRUCTOR' },
    { roles: ['PRACTICAL_NURSE', 'SOCIAL_INSTRUCTOR'] as const, expected: 'PRACTICAL_NURSE' },
  ])('counts the work under the first of $roles the worker holds', ({ roles, expected }) => {
    expect(performedBy(both as UserIdentity, roles)).toEqual({ workerId: 'w', workerRole: expected });
  });

  it('refuses a worker holding none of the roles', () => {
    expect(outcome(() => performedBy(handler as UserIdentity, ['SOCIAL_WORKER']))).toBe('FORBIDDEN');
  });
});
