import {
  allowedFrom,
  assertClosing,
  assertNoOpenCase,
  assertTransition,
  CaseClosingReason,
  CaseStatus,
  findOpenCase,
  isOpen,
  PALVELUTEHTAVA_CODE_SET_OID,
  SERVICE_TASK_KANTA_CODE,
  ServiceTask,
} from './case-lifecycle.rules';
import { expectRefusal } from './domain-error.testing';

const { INITIATED, ASSESSMENT, PLANNING, ACTIVE, CLOSED } = CaseStatus;

describe('assertTransition', () => {
  it.each([
    [INITIATED, ASSESSMENT],
    [ASSESSMENT, PLANNING],
    [PLANNING, ACTIVE],
    [INITIATED, CLOSED],
    [ASSESSMENT, CLOSED],
    [PLANNING, CLOSED],
    [ACTIVE, CLOSED],
  ])('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    [INITIATED, PLANNING, 'allowed from INITIATED: ASSESSMENT, CLOSED'],
    [INITIATED, ACTIVE, 'allowed from INITIATED'],
    [INITIATED, INITIATED, 'allowed from INITIATED'],
    [ASSESSMENT, INITIATED, 'allowed from ASSESSMENT: PLANNING, CLOSED'],
    [ASSESSMENT, ACTIVE, 'allowed from ASSESSMENT'],
    [PLANNING, ASSESSMENT, 'allowed from PLANNING: ACTIVE, CLOSED'],
    [ACTIVE, PLANNING, 'allowed from ACTIVE: CLOSED'],
    [ACTIVE, ACTIVE, 'allowed from ACTIVE'],
    [CLOSED, CLOSED, 'a closed case cannot change'],
    [CLOSED, INITIATED, 'a closed case cannot change'],
    [CLOSED, ACTIVE, 'a closed case cannot change'],
  ])('refuses %s → %s', (from, to, why) => {
    expectRefusal(() => assertTransition(from, to), 'CONFLICT', `from ${from} to ${to} (${why}`, { from, to });
  });
});

describe('isOpen and allowedFrom', () => {
  it.each([
    [INITIATED, true, [ASSESSMENT, CLOSED]],
    [ASSESSMENT, true, [PLANNING, CLOSED]],
    [PLANNING, true, [ACTIVE, CLOSED]],
    [ACTIVE, true, [CLOSED]],
    [CLOSED, false, []],
  ])('%s: open %s, may move to %j', (status, open, next) => {
    expect(isOpen(status)).toBe(open);
    expect(allowedFrom(status)).toEqual(next);
  });
});

describe('assertClosing', () => {
  it.each([
    [ACTIVE, { reason: CaseClosingReason.SERVICES_ENDED }, { reason: CaseClosingReason.SERVICES_ENDED, note: null }],
    [INITIATED, { reason: CaseClosingReason.NO_SERVICE_NEED, note: '  ' }, { reason: CaseClosingReason.NO_SERVICE_NEED, note: null }],
    [PLANNING, { reason: CaseClosingReason.CLIENT_MOVED, note: ' Muutti Tampereelle ' }, { reason: CaseClosingReason.CLIENT_MOVED, note: 'Muutti Tampereelle' }],
    [ASSESSMENT, { reason: CaseClosingReason.OTHER, note: 'Asiakas kieltäytyi palveluista' }, { reason: CaseClosingReason.OTHER, note: 'Asiakas kieltäytyi palveluista' }],
  ])('closes from %s with %j', (from, closing, expected) => {
    expect(assertClosing(from, closing)).toEqual(expected);
  });

  it.each([
    ['an already closed case', CLOSED, { reason: CaseClosingReason.SERVICES_ENDED }, 'CONFLICT', 'from CLOSED to CLOSED', { from: CLOSED, to: CLOSED }],
    ['an unknown reason', ACTIVE, { reason: 'BORED' as CaseClosingReason }, 'BAD_USER_INPUT', 'closing reason is required', { field: 'reason' }],
    ['no reason', ACTIVE, { reason: undefined as unknown as CaseClosingReason }, 'BAD_USER_INPUT', 'closing reason is required', { field: 'reason' }],
    ['OTHER without a note', ACTIVE, { reason: CaseClosingReason.OTHER }, 'BAD_USER_INPUT', 'note is required when the closing reason is OTHER', { field: 'note' }],
    ['an overlong note', ACTIVE, { reason: CaseClosingReason.OTHER, note: 'x'.repeat(1001) }, 'BAD_USER_INPUT', 'at most 1000', { field: 'note' }],
  ] as const)('refuses closing %s', (_label, from, closing, code, message, details) => {
    expectRefusal(() => assertClosing(from, closing), code, message, details);
  });
});

describe('one open case per client and service task', () => {
  const cases = [
    { id: 'c1', serviceTask: ServiceTask.ADULT_SOCIAL_WORK, status: CLOSED },
    { id: 'c2', serviceTask: ServiceTask.ADULT_SOCIAL_WORK, status: ACTIVE },
    { id: 'c3', serviceTask: ServiceTask.HOUSING_SUPPORT_WORK, status: CLOSED },
    { id: 'c4', serviceTask: ServiceTask.SOCIAL_REHABILITATION, status: INITIATED },
  ];

  it.each([
    [ServiceTask.ADULT_SOCIAL_WORK, 'c2'],
    [ServiceTask.SOCIAL_REHABILITATION, 'c4'],
    [ServiceTask.HOUSING_SUPPORT_WORK, undefined],
    [ServiceTask.SUBSTANCE_ABUSE_WORK, undefined],
  ])('for %s the open case is %s', (task, openId) => {
    expect(findOpenCase(cases, task)?.id).toBe(openId);
    if (openId) expectRefusal(() => assertNoOpenCase(cases, task), 'CONFLICT', `already has an open ${task} case`, { serviceTask: task, openCaseId: openId });
    else expect(() => assertNoOpenCase(cases, task)).not.toThrow();
  });

  it('keeps the Kanta palvelutehtävä code set OID and invents no codes', () => {
    expect(PALVELUTEHTAVA_CODE_SET_OID).toBe('1.2.246.537.6.1221');
    expect(Object.keys(SERVICE_TASK_KANTA_CODE).sort()).toEqual(Object.values(ServiceTask).sort());
    expect(Object.values(SERVICE_TASK_KANTA_CODE).every((code) => code === null)).toBe(true);
  });
});
