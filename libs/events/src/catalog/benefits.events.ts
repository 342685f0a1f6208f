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
