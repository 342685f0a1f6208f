import { conflict } from '@asw/platform';

/**
 * Idempotency on Kela's reference: a resend (same reference, same content) is answered with the record
 * the first send created; the same reference with different content is Kela's error, refused as CONFLICT
 * so nothing is silently overwritten or merged. A person is compared by the keyed lookup hash, never the code.
 * Only the partner client that sent the first one is answered with it: another client reusing the
 * reference learns nothing of that record (CONFLICT, as for different content).
 */
export type Resend = 'FIRST_SEND' | 'RESEND';

const usedByAnother = () => conflict('this reference is already in use', { field: 'reference' });

export function noticeResend(
  existing: { personalIdentityCodeHash: string; noticeType: string; submittedBy: string } | null,
  incoming: { personalIdentityCodeHash: string; noticeType: string; submittedBy: string },
): Resend {
  if (existing === null) return 'FIRST_SEND';
  if (existing.submittedBy !== incoming.submittedBy) throw usedByAnother();
  if (existing.personalIdentityCodeHash !== incoming.personalIdentityCodeHash || existing.noticeType !== incoming.noticeType) {
    throw conflict('Kela already sent a different notice with this reference', { field: 'reference' });
  }
  return 'RESEND';
}

export function forwardResend(
  existing: { application: { clientId: string; kind: string; submittedBy: string | null } | null; noticeWithReference: boolean },
  incoming: { matchedClientId: string | null; kind: string; submittedBy: string },
): Resend {
  const { application } = existing;
  if (application === null) {
    if (existing.noticeWithReference) throw conflict('Kela already used this reference for a notice', { field: 'reference' });
    return 'FIRST_SEND';
  }
  if (application.submittedBy !== incoming.submittedBy) throw usedByAnother();
  if (application.clientId !== incoming.matchedClientId || application.kind !== incoming.kind) {
    throw conflict('Kela already forwarded a different application with this reference', { field: 'reference' });
  }
  return 'RESEND';
}
