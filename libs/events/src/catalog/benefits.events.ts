import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { cents, encryptedField, id, isoDate, timestamp } from './catalog-fields';

/**
 * Kela sent an eTotu notice about a person. `clientId` is the client benefits-handling matched by the
 * identity code's lookup hash (learned from ClientRegistered); for a person not yet a client it is a new
 * id assigned here, and `person` carries their identity code and names, encrypted, for case to register
 * the client under that id. `person` is null when the client was already known.
 */
export const KelaNoticeReceived = defineEvent({
  type: 'KelaNoticeReceived',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    noticeId: id,
    noticeType: z.string().min(1),
    urgent: z.boolean(),
    receivedAt: timestamp,
    clientId: id,
    person: encryptedField.nullable(),
  }),
});

/** An income support application was registered (forwarded by Kela, on paper, e-service, front desk, or drafted from rent arrears). */
export const IncomeSupportApplicationRegistered = defineEvent({
  type: 'IncomeSupportApplicationRegistered',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    applicationId: id,
    clientId: id,
    kind: z.enum(['SUPPLEMENTARY', 'PREVENTIVE']),
    channel: z.string().min(1),
    queue: z.string().min(1),
    /** The benefits-handling team whose queue it is in (case admits that team's handlers to the client's basic details). Absent in events before it was carried. */
    handlingTeam: z.string().min(1).optional(),
    status: z.string().min(1),
    receivedOn: isoDate,
    decisionDueOn: isoDate.nullable(),
    rentArrearsId: id.nullable(),
  }),
});

/** A handler decided an application: the client's case shows it on the timeline. */
export const IncomeSupportDecisionMade = defineEvent({
  type: 'IncomeSupportDecisionMade',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    decisionId: id,
    applicationId: id,
    clientId: id,
    kind: z.enum(['SUPPLEMENTARY', 'PREVENTIVE']),
    outcome: z.enum(['GRANTED', 'PARTIALLY_GRANTED', 'DENIED']),
    grantedTotalCents: cents,
    decidedAt: timestamp,
    correctsDecisionId: id.nullable(),
  }),
});

/**
 * An application moved in handling before its decision: a draft was confirmed as applied for (the clock
 * starts), a completion was requested (the due date moves),
 * the completion arrived or its deadline passed (the clock restarts), or it was assigned to a handler.
 */
export const IncomeSupportApplicationUpdated = defineEvent({
  type: 'IncomeSupportApplicationUpdated',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    applicationId: id,
    clientId: id,
    change: z.enum(['DRAFT_CONFIRMED', 'COMPLETION_REQUESTED', 'COMPLETION_RESOLVED', 'ASSIGNED']),
    status: z.string().min(1),
    queue: z.string().min(1),
    decisionDueOn: isoDate.nullable(),
    assignedHandlerId: z.string().min(1).nullable(),
    changedAt: timestamp,
  }),
});

/** A recovery claim (takaisinperintä, §19–21) on a decision was drafted, applied for at the administrative court, or decided there. */
export const IncomeSupportRecoveryClaimChanged = defineEvent({
  type: 'IncomeSupportRecoveryClaimChanged',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    claimId: id,
    decisionId: id,
    clientId: id,
    ground: z.string().min(1),
    amountCents: cents,
    status: z.enum(['DRAFT', 'APPLIED_TO_COURT', 'DECIDED_BY_COURT']),
    courtOutcome: z.enum(['ORDERED', 'REJECTED']).nullable(),
    changedAt: timestamp,
  }),
});

/**
 * A payment of granted income support: scheduled for one granted decision line, then batched into a
 * pain.001 credit transfer for the county's bank. Ids, amount and dates only: never the payee's name or account.
 */
export const IncomeSupportPaymentChanged = defineEvent({
  type: 'IncomeSupportPaymentChanged',
  version: 1,
  producer: 'benefits-handling',
  payload: z.object({
    paymentId: id,
    decisionId: id,
    applicationId: id,
    clientId: id,
    linePosition: z.number().int().nonnegative(),
    payee: z.enum(['CLIENT', 'LANDLORD', 'PAYMENT_INTERMEDIARY_ACCOUNT']),
    amountCents: cents,
    dueOn: isoDate,
    status: z.enum(['SCHEDULED', 'BATCHED']),
    batchId: id.nullable(),
    changedAt: timestamp,
  }),
});
