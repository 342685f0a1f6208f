import { badInput, conflict } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';
import { GuidanceArea, missedVisits, plannedVisitDates, SupportPeriod, SupportPeriodStatus } from '../domain';

/** A home visit longer than a working day is a typing error. */
export const MAX_VISIT_MINUTES = 480;

/** Tukikäynti as the worker records it. */
export interface SupportVisitRecord {
  visitedOn: string;
  durationMinutes: number | null;
  guidanceAreas: readonly GuidanceArea[];
}

/** The last day a period gives support: the day it ended, else the end of its term. */
const lastDayOf = (period: SupportPeriod): string | null => period.endedOn ?? period.endsOn;

/**
 * A done visit belongs to a period that has started (a visit is the work of a running period; one
 * made before the start is planning), falls within its days, is not in the future, and names the
 * guidance areas it covered (at least one, each once). Visits may be recorded after the period
 * ended, for days it ran: workers write up their last visit afterwards.
 */
export function validateVisit(period: SupportPeriod, visit: SupportVisitRecord, today: string): SupportVisitRecord {
  parseLocalDate(visit.visitedOn, 'visitedOn');
  if (visit.visitedOn > today) throw badInput('a visit is recorded once it is done: visitedOn must not be in the future', { field: 'visitedOn' });
  if (visit.durationMinutes !== null && (!Number.isInteger(visit.durationMinutes) || visit.durationMinutes < 1 || visit.durationMinutes > MAX_VISIT_MINUTES)) {
    throw badInput(`durationMinutes must be a whole number from 1 to ${MAX_VISIT_MINUTES}`, { field: 'durationMinutes' });
  }
  if (visit.guidanceAreas.length === 0) throw badInput('name at least one guidance area the visit covered', { field: 'guidanceAreas' });
  if (visit.guidanceAreas.some((area) => !Object.values(GuidanceArea).includes(area))) throw badInput('unknown guidance area', { field: 'guidanceAreas' });
  if (new Set(visit.guidanceAreas).size !== visit.guidanceAreas.length) throw badInput('a guidance area is listed twice', { field: 'guidanceAreas' });
  if (period.status === SupportPeriodStatus.PLANNING || !period.startsOn) {
    throw conflict('visits are recorded for a period that has started', { status: period.status });
  }
  const lastDay = lastDayOf(period);
  if (visit.visitedOn < period.startsOn || (lastDay !== null && visit.visitedOn > lastDay)) {
    throw badInput('visitedOn must fall within the support period', { field: 'visitedOn', startsOn: period.startsOn, lastDay });
  }
  return { visitedOn: visit.visitedOn, durationMinutes: visit.durationMinutes, guidanceAreas: [...visit.guidanceAreas] };
}

export interface VisitPlanStatus {
  planned: string[];
  missed: string[];
}

/**
 * The planned visit dates of a period (its agreed schedule over the days it gives support) and those
 * missed as of `today`. A period without a schedule or term has no planned visits.
 */
export function visitPlanStatus(period: SupportPeriod, doneOn: readonly string[], today: string): VisitPlanStatus {
  const lastDay = lastDayOf(period);
  if (period.status === SupportPeriodStatus.PLANNING || !period.visitSchedule || !period.startsOn || !lastDay || lastDay < period.startsOn) {
    return { planned: [], missed: [] };
  }
  const planned = plannedVisitDates(period.visitSchedule, period.startsOn, lastDay);
  return { planned, missed: missedVisits(planned, doneOn, today) };
}
