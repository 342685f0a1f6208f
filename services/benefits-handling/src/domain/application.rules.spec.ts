import { DomainError } from '@asw/platform';
import {
  ApplicationState,
  ApplicationStatus,
  assertApplicationTransition,
  assertCanCorrect,
  CompletionResolution,
  confirmDraft,
  draftApplication,
  decideApplication,
  ProcessingQueue,
  receiveApplication,
  requestCompletion,
  resumeAfterCompletion,
  routeToQueue,
} from './application.rules';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('routeToQueue', () => {
  it.each([
    [{ urgent: true, student: true }, ProcessingQueue.URGENT],
    [{ urgent: true, student: false }, ProcessingQueue.URGENT],
    [{ urgent: false, student: true }, ProcessingQueue.STUDENTS],
    [{ urgent: false, student: false }, ProcessingQueue.GENERAL],
  ])('%j → %s', (input, queue) => {
    expect(routeToQueue(input)).toBe(queue);
  });
});

describe('assertApplicationTransition', () => {
  const S = ApplicationStatus;
  it.each([
    [S.RECEIVED, S.COMPLETION_REQUESTED, true],
    [S.RECEIVED, S.DECIDED, true],
    [S.COMPLETION_REQUESTED, S.RECEIVED, true],
    [S.COMPLETION_REQUESTED, S.DECIDED, false],
    [S.COMPLETION_REQUESTED, S.COMPLETION_REQUESTED, false],
    [S.DECIDED, S.DECIDED, false],
    [S.DECIDED, S.RECEIVED, false],
    [S.RECEIVED, S.RECEIVED, false],
    [S.DRAFT, S.RECEIVED, true],
    [S.DRAFT, S.DECIDED, false],
    [S.DRAFT, S.COMPLETION_REQUESTED, false],
    [S.RECEIVED, S.DRAFT, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    if (allowed) expect(() => assertApplicationTransition(from, to)).not.toThrow();
    else expect(caught(() => assertApplicationTransition(from, to)).code).toBe('CONFLICT');
  });

  it('deciding twice says to correct instead', () => {
    expect(caught(() => assertApplicationTransition(ApplicationStatus.DECIDED, ApplicationStatus.DECIDED)).message).toContain('correct the decision');
  });
});

describe('application lifecycle', () => {
  const received = receiveApplication({ receivedOn: '2026-03-02', urgent: false });
  const requested = requestCompletion(received, { requestedOn: '2026-03-05', deadlineOn: '2026-03-19' });

  it('starts the clock on arrival', () => {
    expect(received.clockStartsOn).toBe('2026-03-02');
  });

  it.each<{ name: string; resolution: CompletionResolution; on: string; clock: string }>([
    { name: 'completion arrives', resolution: CompletionResolution.COMPLETED, on: '2026-03-10', clock: '2026-03-10' },
    { name: 'completion on the deadline day', resolution: CompletionResolution.COMPLETED, on: '2026-03-19', clock: '2026-03-19' },
    { name: 'completion after the deadline does not buy time', resolution: CompletionResolution.COMPLETED, on: '2026-03-25', clock: '2026-03-19' },
    { name: 'deadline passes', resolution: CompletionResolution.DEADLINE_PASSED, on: '2026-03-20', clock: '2026-03-19' },
  ])('resume: $name → clock from $clock', ({ resolution, on, clock }) => {
    const resumed = resumeAfterCompletion(requested, { resolution, on });
    expect(resumed).toMatchObject({ status: ApplicationStatus.RECEIVED, clockStartsOn: clock, completionDeadlineOn: null });
  });

  // 14 a § 2 mom with laki 150/1930 5 §: a deadline on Saturday 21.3.2026 ends on Monday 23.3. before
  // the clock counts from it; "deadline passed" is refused until Tuesday 24.3.
  const saturdayDeadline = requestCompletion(received, { requestedOn: '2026-03-05', deadlineOn: '2026-03-21' });
  it.each<{ name: string; resolution: CompletionResolution; on: string; clock: string }>([
    { name: 'deadline passes (Saturday deadline)', resolution: CompletionResolution.DEADLINE_PASSED, on: '2026-03-24', clock: '2026-03-23' },
    { name: 'completion after the moved deadline', resolution: CompletionResolution.COMPLETED, on: '2026-03-26', clock: '2026-03-23' },
    { name: 'completion on the Sunday is in time', resolution: CompletionResolution.COMPLETED, on: '2026-03-22', clock: '2026-03-22' },
  ])('resume after a weekend deadline: $name → clock from $clock', ({ resolution, on, clock }) => {
    expect(resumeAfterCompletion(saturdayDeadline, { resolution, on }).clockStartsOn).toBe(clock);
  });

  it.each(['2026-03-21', '2026-03-22', '2026-03-23'])('refuses "deadline passed" on %s, before the Saturday deadline moved to Monday has passed', (on) => {
    expect(caught(() => resumeAfterCompletion(saturdayDeadline, { resolution: CompletionResolution.DEADLINE_PASSED, on }))).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'COMPLETION_DEADLINE_NOT_PASSED', deadlineOn: '2026-03-23' },
    });
  });

  it.each<{ name: string; run: () => unknown; code: string }>([
    { name: 'deadline not yet passed', run: () => resumeAfterCompletion(requested, { resolution: CompletionResolution.DEADLINE_PASSED, on: '2026-03-19' }), code: 'CONFLICT' },
    { name: 'completion before request', run: () => resumeAfterCompletion(requested, { resolution: CompletionResolution.COMPLETED, on: '2026-03-04' }), code: 'BAD_USER_INPUT' },
    { name: 'resume when not waiting', run: () => resumeAfterCompletion(received, { resolution: CompletionResolution.COMPLETED, on: '2026-03-04' }), code: 'CONFLICT' },
    { name: 'deadline on request day', run: () => requestCompletion(received, { requestedOn: '2026-03-05', deadlineOn: '2026-03-05' }), code: 'BAD_USER_INPUT' },
    { name: 'request before arrival', run: () => requestCompletion(received, { requestedOn: '2026-03-01', deadlineOn: '2026-03-10' }), code: 'BAD_USER_INPUT' },
    { name: 'second request while waiting', run: () => requestCompletion(requested, { requestedOn: '2026-03-06', deadlineOn: '2026-03-20' }), code: 'CONFLICT' },
    { name: 'decide while waiting for completion', run: () => decideApplication(requested, '2026-03-06'), code: 'CONFLICT' },
    { name: 'decide twice', run: () => decideApplication(decideApplication(received, '2026-03-06'), '2026-03-07'), code: 'CONFLICT' },
    { name: 'decide before arrival', run: () => decideApplication(received, '2026-03-01'), code: 'BAD_USER_INPUT' },
  ])('refuses: $name', ({ run, code }) => {
    expect(caught(run).code).toBe(code);
  });

  it('decides a received application', () => {
    const decided: ApplicationState = decideApplication(received, '2026-03-06');
    expect(decided).toMatchObject({ status: ApplicationStatus.DECIDED, decidedOn: '2026-03-06' });
  });
});

describe('assertCanCorrect', () => {
  const original = { id: 'dec-1', applicationId: 'app-1', decidedOn: '2026-03-06', supersededById: null };
  it('links the correction to the decision it replaces', () => {
    expect(assertCanCorrect(original, { applicationId: 'app-1', decidedOn: '2026-03-20' })).toEqual({ correctsDecisionId: 'dec-1' });
  });

  it.each([
    { name: 'already corrected', decision: { ...original, supersededById: 'dec-2' }, correction: { applicationId: 'app-1', decidedOn: '2026-03-20' }, code: 'CONFLICT' },
    { name: 'other application', decision: original, correction: { applicationId: 'app-2', decidedOn: '2026-03-20' }, code: 'BAD_USER_INPUT' },
    { name: 'dated earlier', decision: original, correction: { applicationId: 'app-1', decidedOn: '2026-03-05' }, code: 'BAD_USER_INPUT' },
  ])('refuses: $name', ({ decision, correction, code }) => {
    expect(caught(() => assertCanCorrect(decision, correction)).code).toBe(code);
  });
});

describe('drafts (rent arrears)', () => {
  const draft = draftApplication({ draftedOn: '2026-05-04' });

  it('has no clock until the client applies, then counts from that day', () => {
    expect(draft.status).toBe(ApplicationStatus.DRAFT);
    expect(confirmDraft(draft, { receivedOn: '2026-05-11', urgent: true })).toMatchObject({
      status: ApplicationStatus.RECEIVED,
      receivedOn: '2026-05-11',
      clockStartsOn: '2026-05-11',
      urgent: true,
    });
  });

  it.each([
    ['before the draft', draft, '2026-05-01', 'BAD_USER_INPUT'],
    ['twice', confirmDraft(draft, { receivedOn: '2026-05-11', urgent: false }), '2026-05-12', 'CONFLICT'],
  ])('refuses confirming %s', (_name, app, receivedOn, code) => {
    expect(caught(() => confirmDraft(app, { receivedOn, urgent: false })).code).toBe(code);
  });
});
