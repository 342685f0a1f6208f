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
