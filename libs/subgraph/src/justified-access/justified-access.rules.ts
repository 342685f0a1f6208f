import { badInput } from '@asw/platform';

/**
 * Access with justification (issue #13 item 1): reaching a client's records without a client
 * relationship, for a reason from this fixed list plus free text, for a limited time. Each use is in the
 * access log with the reason as its basis (`justified:<REASON>`), and auditors review every grant
 * (`justifiedAccesses`). Act 703/2023 §§ 5–6: data only as the task requires; the reason states the task.
 */
export const JUSTIFICATION_REASONS = [
  'URGENT_CLIENT_SAFETY', // kiireellinen asiakasturvallisuus: harm to the client or others is imminent
  'COVERING_ABSENT_WORKER', // sijaisuus: the named worker is away and the matter cannot wait
  'CLIENT_REQUEST_AT_SERVICE_POINT', // the client, present, asks the worker to look at their matter
  'CASE_TRANSFER', // the client's matter moves to the caller's team
  'STATUTORY_REQUEST', // a statutory request for information answered by the county
] as const;
export type JustificationReason = (typeof JUSTIFICATION_REASONS)[number];

/** How long a grant admits: 24 h unless asked for less. */
export const MAX_JUSTIFIED_HOURS = 24;
const MIN_TEXT = 10;
const MAX_TEXT = 1000;

export interface JustificationInput {
  reason: string;
  justification: string;
  hours?: number | null;
}

export interface ValidJustification {
  reason: JustificationReason;
  justification: string;
  hours: number;
}

/** Every problem at once; nothing is granted on bad input. */
export function validateJustification(input: JustificationInput): ValidJustification {
  const problems: Array<{ field: string; reason: string; message: string }> = [];
  if (!(JUSTIFICATION_REASONS as readonly string[]).includes(input.reason)) {
    problems.push({ field: 'input.reason', reason: 'UNKNOWN_JUSTIFICATION_REASON', message: `reason must be one of ${JUSTIFICATION_REASONS.join(', ')}` });
  }
  const text = (input.justification ?? '').trim();
  if (text.length < MIN_TEXT || text.length > MAX_TEXT) {
    problems.push({ field: 'input.justification', reason: 'JUSTIFICATION_TEXT_LENGTH', message: `justification must be ${MIN_TEXT}–${MAX_TEXT} characters` });
  }
  const hours = input.hours ?? MAX_JUSTIFIED_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_JUSTIFIED_HOURS) {
    problems.push({ field: 'input.hours', reason: 'JUSTIFIED_ACCESS_TOO_LONG', message: `hours must be a whole number from 1 to ${MAX_JUSTIFIED_HOURS}` });
  }
  if (problems.length > 0) {
    throw badInput(problems.map((problem) => problem.message).join('; '), { reason: problems[0].reason, field: problems[0].field });
  }
  return { reason: input.reason as JustificationReason, justification: text, hours };
}

/** The access-log basis of a justified access. */
export const justifiedBasis = (reason: string): string => `justified:${reason}`;

/** Whether a grant admits at `now`: from its grant until it expires (exclusive). */
export const grantAdmits = (grant: { grantedAt: Date; expiresAt: Date }, now: Date): boolean => grant.grantedAt <= now && now < grant.expiresAt;
