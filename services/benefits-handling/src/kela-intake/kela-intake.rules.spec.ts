import { DomainError } from '@asw/platform';
import { forwardResend, noticeResend } from './kela-intake.rules';

const code = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('noticeResend (idempotent on Kela’s reference)', () => {
  const stored = { personalIdentityCodeHash: 'a'.repeat(64), noticeType: 'NEED_FOR_SOCIAL_WORK', submittedBy: 'kela-etotu' };
  it.each([
    ['nothing stored under the reference', null, stored, 'FIRST_SEND'],
    ['the same notice again', stored, { ...stored }, 'RESEND'],
  ])('%s → %s', (_name, existing, incoming, expected) => {
    expect(noticeResend(existing, incoming)).toBe(expected);
  });

  it.each([
    ['another person', { ...stored, personalIdentityCodeHash: 'b'.repeat(64) }],
    ['another notice type', { ...stored, noticeType: 'IMMIGRANT_2_MONTHS' }],
    ['the same notice from another partner client', { ...stored, submittedBy: 'another-client' }],
  ])('refuses the reference reused for %s as CONFLICT', (_name, incoming) => {
    expect(code(() => noticeResend(stored, incoming))).toBe('CONFLICT');
  });
});

describe('forwardResend (idempotent on Kela’s reference)', () => {
  const application = { clientId: '5b0f7c0e-9a53-4a8e-9d0a-3f1d2c6b7a11', kind: 'SUPPLEMENTARY', submittedBy: 'kela-etotu' };
  const by = 'kela-etotu';
  it.each([
    ['a new reference', { application: null, noticeWithReference: false }, { matchedClientId: null, kind: 'SUPPLEMENTARY', submittedBy: by }, 'FIRST_SEND'],
    ['the same application again', { application, noticeWithReference: true }, { matchedClientId: application.clientId, kind: 'SUPPLEMENTARY', submittedBy: by }, 'RESEND'],
  ])('%s → %s', (_name, existing, incoming, expected) => {
    expect(forwardResend(existing, incoming)).toBe(expected);
  });

  it.each([
    ['another person', { application, noticeWithReference: true }, { matchedClientId: '0d7f3a52-2b1e-4c55-8a77-0f4c8e9d1b22', kind: 'SUPPLEMENTARY', submittedBy: by }],
    ['a person not matched to the stored client', { application, noticeWithReference: true }, { matchedClientId: null, kind: 'SUPPLEMENTARY', submittedBy: by }],
    ['another kind', { application, noticeWithReference: true }, { matchedClientId: application.clientId, kind: 'PREVENTIVE', submittedBy: by }],
    ['a reference Kela used for a notice', { application: null, noticeWithReference: true }, { matchedClientId: null, kind: 'SUPPLEMENTARY', submittedBy: by }],
    ['the same application from another partner client', { application, noticeWithReference: true }, { matchedClientId: application.clientId, kind: 'SUPPLEMENTARY', submittedBy: 'another-client' }],
  ])('refuses %s as CONFLICT', (_name, existing, incoming) => {
    expect(code(() => forwardResend(existing, incoming))).toBe('CONFLICT');
  });
});
