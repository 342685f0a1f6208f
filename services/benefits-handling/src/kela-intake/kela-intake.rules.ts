import { conflict } from '@asw/platform';

/**
 * Idempotency on Kela's reference: a resend (same reference, same content) is answered with the record
 * the first send created; the same reference with different content is Kela's error, refused as CONFLICT
 * naming the differing fields, so nothing is silently overwritten or merged. The whole content is compared. A person is compared by the keyed lookup hash, never the code.
 * Only the partner client that sent the first one is answered with it: another client reusing the
 * reference learns nothing of that record (CONFLICT, as for different content).
 */
export type Resend = 'FIRST_SEND' | 'RESEND';

const usedByAnother = () => conflict('this reference is already in use', { reason: 'REFERENCE_IN_USE', field: 'input.reference' });

/** CONFLICT naming the fields that differ (names only: never a value, which may be personal data). */
const contentDiffers = (what: string, fields: readonly string[]) =>
  conflict(`Kela already sent a different ${what} with this reference: ${fields.join(', ')} differ`, {
    reason: 'REFERENCE_CONTENT_DIFFERS',
    field: 'input.reference',
    differingFields: fields.join(','),
  });

/** The input field names whose stored and incoming values differ, in the order given. */
export function differingFields(stored: Record<string, unknown>, incoming: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields.filter((field) => JSON.stringify(stored[field] ?? null) !== JSON.stringify(incoming[field] ?? null));
}

/** A notice's content as compared on a resend; the person by the keyed lookup hash. */
export interface NoticeContent {
  personalIdentityCodeHash: string;
  noticeType: string;
  urgent: boolean;
  kelaDecisionOn: string | null;
}

const NOTICE_FIELDS = ['personalIdentityCode', 'noticeType', 'urgent', 'kelaDecisionOn'] as const;
const noticeFields = (n: NoticeContent) => ({ personalIdentityCode: n.personalIdentityCodeHash, noticeType: n.noticeType, urgent: n.urgent, kelaDecisionOn: n.kelaDecisionOn });

export function noticeResend(existing: (NoticeContent & { submittedBy: string }) | null, incoming: NoticeContent & { submittedBy: string }): Resend {
  if (existing === null) return 'FIRST_SEND';
  if (existing.submittedBy !== incoming.submittedBy) throw usedByAnother();
  const differs = differingFields(noticeFields(existing), noticeFields(incoming), NOTICE_FIELDS);
  if (differs.length > 0) throw contentDiffers('notice', differs);
  return 'RESEND';
}

/** A forwarded application's whole content as compared on a resend; the person as the client it matched. */
export interface ForwardedContent {
  clientId: string | null;
  kind: string;
  receivedOn: string;
  urgent: boolean;
  student: boolean;
  kelaDecisionOn: string | null;
  expenses: ReadonlyArray<{ expenseType: string; claimedCents: number; description: string | null }>;
}

const FORWARD_FIELDS = ['personalIdentityCode', 'kind', 'receivedOn', 'urgent', 'student', 'kelaDecisionOn', 'expenses'] as const;
const forwardFields = (c: ForwardedContent) => ({
  personalIdentityCode: c.clientId,
  kind: c.kind,
  receivedOn: c.receivedOn,
  urgent: c.urgent,
  student: c.student,
  kelaDecisionOn: c.kelaDecisionOn,
  expenses: c.expenses.map((e) => [e.expenseType, e.claimedCents, e.description ?? null]),
});

export function forwardResend(
  existing: { application: (ForwardedContent & { submittedBy: string | null }) | null; noticeWithReference: boolean },
  incoming: ForwardedContent & { submittedBy: string },
): Resend {
  const { application } = existing;
  if (application === null) {
    if (existing.noticeWithReference) throw conflict('Kela already used this reference for a notice', { reason: 'REFERENCE_USED_FOR_NOTICE', field: 'input.reference' });
    return 'FIRST_SEND';
  }
  if (application.submittedBy !== incoming.submittedBy) throw usedByAnother();
  // A person the county cannot match to the stored client is another person.
  const differs = differingFields(forwardFields(application), forwardFields({ ...incoming, clientId: incoming.clientId ?? '(unmatched)' }), FORWARD_FIELDS);
  if (differs.length > 0) throw contentDiffers('application', differs);
  return 'RESEND';
}
