import { expectRefusal } from './domain-error.testing';
import { assertNamedWorkerQualified, WorkerRole } from './named-worker.rules';

const { SOCIAL_WORKER, SOCIAL_INSTRUCTOR, PRACTICAL_NURSE, BENEFITS_HANDLER, CLIENT_ADVISOR, SUPERVISOR, AUDITOR } = WorkerRole;

describe('assertNamedWorkerQualified', () => {
  it.each([
    [false, SOCIAL_INSTRUCTOR, []],
    [false, SOCIAL_WORKER, []],
    [true, SOCIAL_WORKER, []],
    [true, SOCIAL_WORKER, [PRACTICAL_NURSE]],
    [true, SOCIAL_INSTRUCTOR, [SOCIAL_WORKER]],
    [true, SOCIAL_INSTRUCTOR, [PRACTICAL_NURSE, SOCIAL_WORKER]],
  ])('accepts special support %s, named %s, co-workers %j', (specialSupportNeeded, namedWorkerRole, coWorkerRoles) => {
    expect(() => assertNamedWorkerQualified({ specialSupportNeeded, namedWorkerRole, coWorkerRoles })).not.toThrow();
  });

  it.each([
    [false, PRACTICAL_NURSE, [SOCIAL_WORKER]],
    [false, BENEFITS_HANDLER, []],
    [false, CLIENT_ADVISOR, []],
    [false, SUPERVISOR, []],
    [true, AUDITOR, [SOCIAL_WORKER]],
  ])('refuses special support %s, named %s, co-workers %j: not a named-worker role', (specialSupportNeeded, namedWorkerRole, coWorkerRoles) => {
    expectRefusal(() => assertNamedWorkerQualified({ specialSupportNeeded, namedWorkerRole, coWorkerRoles }), 'BAD_USER_INPUT', `A ${namedWorkerRole} cannot be a named worker`, {
      field: 'namedWorkerRole',
      role: namedWorkerRole,
    });
  });

  it.each([
    [SOCIAL_INSTRUCTOR, []],
    [SOCIAL_INSTRUCTOR, [SOCIAL_INSTRUCTOR, PRACTICAL_NURSE]],
    [SOCIAL_INSTRUCTOR, [SUPERVISOR]],
  ])('refuses a client needing special support with named %s and co-workers %j', (namedWorkerRole, coWorkerRoles) => {
    expectRefusal(() => assertNamedWorkerQualified({ specialSupportNeeded: true, namedWorkerRole, coWorkerRoles }), 'CONFLICT', 'must be a SOCIAL_WORKER', {
      specialSupportNeeded: true,
    });
  });
});
