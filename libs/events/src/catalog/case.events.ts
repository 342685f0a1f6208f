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
    /** False: a case opened on intake only; its workers reach that case, not the client's other records. Absent: true. */
    clientWide: z.boolean().optional(),
    changedAt: timestamp,
  }),
});

/**
 * A worker reached a client's records with a justification (issue #13: a reason from a fixed list,
 * time-limited) instead of a relationship; every service admits it until `expiresAt`. The free-text
 * justification stays in case's database: the event carries only the reason code.
 */
export const ClientAccessJustified = defineEvent({
  type: 'ClientAccessJustified',
  version: 1,
  producer: 'case',
  payload: z.object({
    grantId: id,
    clientId: id,
    actorId: z.string().min(1),
    reason: z.string().min(1),
    grantedAt: timestamp,
    expiresAt: timestamp,
  }),
});

/**
 * One side signed an activation plan (aktivointisuunnitelma, 189/2001): the county's worker or
 * employment services. The plan is in force once both have signed. Carries no name or identity code.
 */
export const ActivationPlanSigned = defineEvent({
  type: 'ActivationPlanSigned',
  version: 1,
  producer: 'case',
  payload: z.object({
    planId: id,
    clientId: id,
    signedBy: z.enum(['COUNTY', 'EMPLOYMENT_SERVICES']),
    status: z.enum(['SIGNED_BY_COUNTY', 'SIGNED_BY_EMPLOYMENT_SERVICES', 'IN_FORCE']),
    validFrom: isoDate,
    validUntil: isoDate,
    signedAt: timestamp,
  }),
});

/**
 * A worker was registered (by the team lead) with a role and a team: other services learn who signs in
 * with which user id for statistics and relationships. Carries the user id the tokens carry, never the name.
 */
export const WorkerRegistered = defineEvent({
  type: 'WorkerRegistered',
  version: 1,
  producer: 'case',
  payload: z.object({
    workerId: id,
    userId: z.string().min(1),
    role: z.enum(['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'BENEFITS_HANDLER', 'CLIENT_ADVISOR', 'SUPERVISOR', 'AUDITOR']),
    team: z.string().min(1),
    registeredAt: timestamp,
  }),
});

/** Tavoitteen toteutuminen at a plan review, as case's plans record it. */
const goalAttainment = z.enum(['NOT_STARTED', 'PARTLY_ACHIEVED', 'ACHIEVED', 'NOT_ACHIEVED', 'ABANDONED']);

/**
 * A version of a client plan (asiakassuunnitelma, SHL §39) was made. Counts only: the goals' and
 * measures' texts stay in case (they are the client's own words and may name people).
 */
export const ClientPlanMade = defineEvent({
  type: 'ClientPlanMade',
  version: 1,
  producer: 'case',
  payload: z.object({
    planId: id,
    caseId: id,
    clientId: id,
    version: z.number().int().positive(),
    planDate: isoDate,
    reviewDate: isoDate,
    goalCount: z.number().int().positive(),
    goalsSetByClient: z.number().int().nonnegative(),
    measureCount: z.number().int().positive(),
    madeAt: timestamp,
  }),
});

/** A client plan was reviewed: the attainment of each goal, in the plan's goal order, and the overall judgement. */
export const ClientPlanReviewed = defineEvent({
  type: 'ClientPlanReviewed',
  version: 1,
  producer: 'case',
  payload: z.object({
    reviewId: id,
    planId: id,
    caseId: id,
    clientId: id,
    reviewedOn: isoDate,
    attainments: z.array(goalAttainment).min(1),
    overall: goalAttainment,
    /** Share of the pursued goals achieved (0–1); null when every goal was abandoned. */
    achievedShare: z.number().min(0).max(1).nullable(),
    reviewedAt: timestamp,
  }),
});

/** An EUROHIS-QOL 8 measurement was recorded: the score only (sum 8–40, mean 1–5), never the answers. */
export const EurohisMeasurementRecorded = defineEvent({
  type: 'EurohisMeasurementRecorded',
  version: 1,
  producer: 'case',
  payload: z.object({
    measurementId: id,
    clientId: id,
    caseId: id.nullable(),
    occasion: z.enum(['START', 'REVIEW', 'END']),
    measuredOn: isoDate,
    score: z.object({ sum: z.number().int().min(8).max(40), mean: z.number().min(1).max(5), good: z.boolean() }),
    recordedAt: timestamp,
  }),
});

/**
 * A worker recorded the employment facts the activation plan triggers need (laki kuntouttavasta
 * työtoiminnasta 189/2001); carries whether an activation plan must be drawn up as of that day and on
 * which triggers, not the facts themselves.
 */
export const ActivationFactsRecorded = defineEvent({
  type: 'ActivationFactsRecorded',
  version: 1,
  producer: 'case',
  payload: z.object({
    clientId: id,
    recordedOn: isoDate,
    activationPlanTriggered: z.boolean(),
    triggerBasis: z.array(z.string().min(1)),
    ruleSetVersion: z.string().min(1),
    recordedAt: timestamp,
  }),
});
