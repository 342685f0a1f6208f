import { DomainError } from '@asw/platform';
import { forwardResend, noticeResend } from './kela-intake.rules';

const refusal = (act: () => unknown): { code: string; details: unknown } | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  return undefined;
};

// Idempotency on Kela's reference (README: a resend with other content is CONFLICT): the whole content
// is compared, and the refusal names the differing fields, never their values.
describe('noticeResend (idempotent on Kela’s reference)', () => {
  const stored = { personalIdentityCodeHash: 'a'.repeat(64), noticeType: 'NEED_FOR_SOCIAL_WORK', urgent: false, kelaDecisionOn: null, submittedBy: 'kela-etotu' };
  it.each([
    ['nothing stored under the reference', null, stored, 'FIRST_SEND'],
    ['the same notice again', stored, { ...stored }, 'RESEND'],
  ])('%s → %s', (_name, existing, incoming, expected) => {
    expect(noticeResend(existing, incoming)).toBe(expected);
  });

  it.each([
    ['another person', { ...stored, personalIdentityCodeHash: 'b'.repeat(64) }, 'personalIdentityCode'],
    ['another notice type', { ...stored, noticeType: 'IMMIGRANT_2_MONTHS' }, 'noticeType'],
    ['now urgent', { ...stored, urgent: true }, 'urgent'],
    ['another Kela decision day, and urgent', { ...stored, urgent: true, kelaDecisionOn: '2026-11-02' }, 'urgent,kelaDecisionOn'],
  ])('refuses the reference reused for %s as CONFLICT naming what differs', (_name, incoming, fields) => {
    expect(refusal(() => noticeResend(stored, incoming))).toEqual({
      code: 'CONFLICT',
      details: { reason: 'REFERENCE_CONTENT_DIFFERS', field: 'input.reference', differingFields: fields },
    });
  });

  it('refuses the same notice from another partner client without saying what is stored', () => {
    expect(refusal(() => noticeResend(stored, { ...stored, submittedBy: 'another-client' }))).toEqual({ code: 'CONFLICT', details: { reason: 'REFERENCE_IN_USE', field: 'input.reference' } });
  });
});

describe('forwardResend (idempotent on Kela’s reference)', () => {
  const content = {
    clientId: '5b0f7c0e-9a53-4a8e-9d0a-3f1d2c6b7a11',
    kind: 'SUPPLEMENTARY',
    receivedOn: '2026-04-02',
    urgent: false,
    student: false,
    kelaDecisionOn: null,
    expenses: [
      { expenseType: 'MEDICINE', claimedCents: 6_480, description: null },
      { expenseType: 'HEALTHCARE', claimedCents: 3_500, description: 'hammaslääkäri' },
    ],
  };
  const application = { ...content, submittedBy: 'kela-etotu' };
  const incoming = { ...content, submittedBy: 'kela-etotu' };
  it.each([
    ['a new reference', { application: null, noticeWithReference: false }, { ...incoming, clientId: null }, 'FIRST_SEND'],
    ['the same application again', { application, noticeWithReference: true }, incoming, 'RESEND'],
  ])('%s → %s', (_name, existing, sent, expected) => {
    expect(forwardResend(existing, sent)).toBe(expected);
  });

  const withExpense = (index: number, over: object) => ({ ...incoming, expenses: incoming.expenses.map((e, i) => (i === index ? { ...e, ...over } : e)) });
  it.each([
    ['another person', { ...incoming, clientId: '0d7f3a52-2b1e-4c55-8a77-0f4c8e9d1b22' }, 'personalIdentityCode'],
    ['a person not matched to the stored client', { ...incoming, clientId: null }, 'personalIdentityCode'],
    ['another kind', { ...incoming, kind: 'PREVENTIVE' }, 'kind'],
    ['another amount (issue #17: silently answered with the first record)', withExpense(0, { claimedCents: 6_481 }), 'expenses'],
    ['another description', withExpense(1, { description: 'silmälasit' }), 'expenses'],
    ['a line fewer', { ...incoming, expenses: incoming.expenses.slice(0, 1) }, 'expenses'],
    ['the lines in another order', { ...incoming, expenses: [...incoming.expenses].reverse() }, 'expenses'],
    ['another arrival day and urgency', { ...incoming, receivedOn: '2026-04-03', urgent: true }, 'receivedOn,urgent'],
    ['a student now, with a Kela decision day', { ...incoming, student: true, kelaDecisionOn: '2026-04-01' }, 'student,kelaDecisionOn'],
  ])('refuses %s as CONFLICT naming what differs', (_name, sent, fields) => {
    expect(refusal(() => forwardResend({ application, noticeWithReference: true }, sent))).toEqual({
      code: 'CONFLICT',
      details: { reason: 'REFERENCE_CONTENT_DIFFERS', field: 'input.reference', differingFields: fields },
    });
  });

  it.each([
    ['a reference Kela used for a notice', { application: null, noticeWithReference: true }, { ...incoming, clientId: null }, 'REFERENCE_USED_FOR_NOTICE'],
    ['the same application from another partner client', { application, noticeWithReference: true }, { ...incoming, submittedBy: 'another-client' }, 'REFERENCE_IN_USE'],
  ])('refuses %s as CONFLICT', (_name, existing, sent, reason) => {
    expect(refusal(() => forwardResend(existing, sent))).toMatchObject({ code: 'CONFLICT', details: { reason } });
  });
});
