import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { id, isoDate, lookupHash, performedBy, timestamp } from './catalog-fields';

/**
 * A client was registered in the case service (asiakkuus). Carries no name and no identity code:
 * others key on the id. The keyed lookup hash (HMAC, not reversible without the key) lets
 * benefits-handling match what Kela sends by identity code to the client.
 */
export const ClientRegistered = defineEvent({
  type: 'ClientRegistered',
  version: 1,
  producer: 'case',
  payload: z.object({
    clientId: id,
    registeredAt: timestamp,
    personalIdentityCodeHash: lookupHash.nullable(),
  }),
});

/** A case (asiakkuus) became pending (vireillä, SHL §34–35), by any initiation channel. */
export const CaseOpened = defineEvent({
  type: 'CaseOpened',
  version: 1,
  producer: 'case',
  payload: z.object({
    caseId: id,
    clientId: id,
    serviceTask: z.string().min(1),
    initiationChannel: z.string().min(1),
    urgent: z.boolean(),
    openedAt: timestamp,
    /** Set when a Kela notice opened the case. */
    kelaNoticeId: id.nullable(),
  }),
});

/** A case moved in its lifecycle (assessment started or completed, plan made). */
export const CaseStatusChanged = defineEvent({
  type: 'CaseStatusChanged',
  version: 1,
  producer: 'case',
  payload: z.object({ caseId: id, clientId: id, from: z.string(), to: z.string(), changedAt: timestamp }),
});

/** Asiakkuuden päättäminen (SHL §34): other services end what is open for the client. */
export const CaseClosed = defineEvent({
  type: 'CaseClosed',
  version: 1,
  producer: 'case',
  payload: z.object({ caseId: id, clientId: id, serviceTask: z.string().min(1), reason: z.string().min(1), closedAt: timestamp, clientHasOtherOpenCases: z.boolean() }),
});

/**
 * A service decision (SHL §45) was made: housing-support opens periods on HOUSING_SUPPORT, group-activity
 * grants eligibility on SOCIAL_REHABILITATION. A DENIED decision grants nothing and has no validity
 * period: it carries the decision day as validFrom and validUntil, so act on `outcome`.
 */
export const ServiceDecisionMade = defineEvent({
  type: 'ServiceDecisionMade',
  version: 1,
  producer: 'case',
  payload: z.object({
    decisionId: id,
    caseId: id,
    clientId: id,
    serviceType: z.string().min(1),
    outcome: z.enum(['GRANTED', 'DENIED']),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
    decidedAt: timestamp,
    decidedBy: performedBy,
  }),
});

/** A contact (visit, call, remote meeting) was recorded in case; counts in contact statistics. */
export const ContactRecorded = defineEvent({
  type: 'ContactRecorded',
  version: 1,
  producer: 'case',
  payload: z.object({
    contactId: id,
    clientId: id,
    contactType: z.enum(['OFFICE_VISIT', 'HOME_VISIT', 'PHONE', 'REMOTE', 'GROUP_SESSION']),
    occurredOn: isoDate,
    durationMinutes: z.number().int().positive().nullable(),
    performedBy,
  }),
});

/** A named worker (omatyöntekijä, SHL §42) was assigned to a case, with the co-workers on it. */
export const ResponsibleWorkerAssigned = defineEvent({
  type: 'ResponsibleWorkerAssigned',
  version: 1,
  producer: 'case',
  payload: z.object({
    caseId: id,
    clientId: id,
    workerId: id,
    workerRole: z.string().min(1),
    coWorkerIds: z.array(id),
    assignedAt: timestamp,
  }),
});

/**
 * Who works on a case, as every service needs it for relationship-based access (PRODUCT.md "Who may do
 * what"): the named worker and the co-workers (token user ids, never names), the team whose supervisor
 * sees it, and whether it is still open. Published whole on every change (open, assign, close), so a
 * consumer keeps the latest snapshot per case and needs no history.
 */
export const CaseRelationshipsChanged = defineEvent({
  type: 'CaseRelationshipsChanged',
  version: 1,
  producer: 'case',
  payload: z.object({
    caseId: id,
    clientId: id,
    team: z.string().min(1),
    open: z.boolean(),
    namedWorker: z.string().min(1).nullable(),
    coWorkers: z.array(z.string().min(1)),
    changedAt: timestamp,
  }),
});
