import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { cents, id, isoDate, performedBy, timestamp } from './catalog-fields';

/** A housing support period (asumissosiaalisen työn tukijakso) opened, after a granted HOUSING_SUPPORT decision. */
export const HousingSupportPeriodOpened = defineEvent({
  type: 'HousingSupportPeriodOpened',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ periodId: id, clientId: id, decisionId: id, openedAt: timestamp }),
});

/** A period ended: on its end date, by the worker with an outcome, or because the case closed. */
export const HousingSupportPeriodEnded = defineEvent({
  type: 'HousingSupportPeriodEnded',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ periodId: id, clientId: id, outcome: z.string().min(1), endedOn: isoDate }),
});

/** A support visit was done: case counts it as a HOME_VISIT contact (kotikäynti). */
export const SupportVisitDone = defineEvent({
  type: 'SupportVisitDone',
  version: 1,
  producer: 'housing-support',
  payload: z.object({
    visitId: id,
    periodId: id,
    clientId: id,
    visitedOn: isoDate,
    durationMinutes: z.number().int().positive().nullable(),
    guidanceAreas: z.array(z.string().min(1)),
    performedBy,
  }),
});

/** Rent arrears (vuokrarästi) were reported: benefits-handling drafts a preventive income support application. */
export const RentArrearsReported = defineEvent({
  type: 'RentArrearsReported',
  version: 1,
  producer: 'housing-support',
  payload: z.object({
    rentArrearsId: id,
    clientId: id,
    amountCents: cents.positive(),
    months: z.number().int().positive(),
    reportedOn: isoDate,
    /** The worker who reported it: the named worker sees the draft application too. */
    reportedBy: performedBy,
  }),
});

/**
 * The worker recorded (or rewrote) the plan of a period being planned: the fixed term, the guidance
 * areas of the client's personal goals and the visit schedule. The goals' own words stay in
 * housing-support; the event says which areas the work covers.
 */
export const HousingSupportPeriodPlanned = defineEvent({
  type: 'HousingSupportPeriodPlanned',
  version: 1,
  producer: 'housing-support',
  payload: z.object({
    periodId: id,
    clientId: id,
    startsOn: isoDate,
    endsOn: isoDate,
    goalAreas: z.array(z.string().min(1)),
    visitSchedule: z.object({ frequency: z.string().min(1), weekday: z.string().min(1) }).nullable(),
    plannedBy: performedBy,
  }),
});

/** A planned period started (käynnistetty): support runs on the agreed term, goals and visit schedule. */
export const HousingSupportPeriodStarted = defineEvent({
  type: 'HousingSupportPeriodStarted',
  version: 1,
  producer: 'housing-support',
  payload: z.object({
    periodId: id,
    clientId: id,
    startsOn: isoDate,
    endsOn: isoDate,
    goalAreas: z.array(z.string().min(1)).min(1),
    visitSchedule: z.object({ frequency: z.string().min(1), weekday: z.string().min(1) }),
    startedBy: performedBy,
  }),
});

/** A payment-intermediary account (välitystili) was opened: rent is paid from it before anything else. */
export const PaymentIntermediaryAccountOpened = defineEvent({
  type: 'PaymentIntermediaryAccountOpened',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ accountId: id, clientId: id, openedOn: isoDate, openedBy: performedBy }),
});

/** A välitystili was closed (never while a sublease runs on it). */
export const PaymentIntermediaryAccountClosed = defineEvent({
  type: 'PaymentIntermediaryAccountClosed',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ accountId: id, clientId: id, closedOn: isoDate, closedBy: performedBy }),
});

/** A sublease (välivuokraus) started on an active välitystili. The flat's address stays in housing-support. */
export const SubleaseStarted = defineEvent({
  type: 'SubleaseStarted',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ subleaseId: id, clientId: id, accountId: id, startsOn: isoDate, monthlyRentCents: cents.positive(), startedBy: performedBy }),
});

/** A sublease ended. */
export const SubleaseEnded = defineEvent({
  type: 'SubleaseEnded',
  version: 1,
  producer: 'housing-support',
  payload: z.object({ subleaseId: id, clientId: id, accountId: id, endedOn: isoDate, endedBy: performedBy }),
});

/** A repayment plan (maksusuunnitelma) was agreed for reported rent arrears: instalments that clear them exactly. */
export const RepaymentPlanAgreed = defineEvent({
  type: 'RepaymentPlanAgreed',
  version: 1,
  producer: 'housing-support',
  payload: z.object({
    rentArrearsId: id,
    clientId: id,
    instalments: z.array(z.object({ dueOn: isoDate, amountCents: cents.positive() })).min(1),
    agreedAt: timestamp,
    agreedBy: performedBy,
  }),
});
