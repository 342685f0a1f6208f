import { badInput } from '@asw/platform';
import { IncomeSupportKind, ProcessingQueue } from './application.rules';
import { addMonths, LocalDate, localDateFromParts, parseLocalDate, toLocalDateParts } from '@asw/calendar';

/** What the report needs of an application. */
export interface ReportedApplication {
  kind: IncomeSupportKind;
  queue: ProcessingQueue;
  receivedOn: string;
  decidedOn: string | null;
  /** The §14 a due date, computed with the working-day calendar when the application was registered. */
  decisionDueOn: string | null;
}

export interface MonthlyReportRow {
  /** `YYYY-MM`. */
  month: string;
  kind: IncomeSupportKind;
  queue: ProcessingQueue;
  /** Arrived in the month. */
  received: number;
  /** Decided in the month (whenever they arrived). */
  decided: number;
  /** Of `decided`, those with decidedOn ≤ decisionDueOn. */
  decidedWithinDeadline: number;
  /** decidedWithinDeadline / decided to 4 decimals; null when nothing was decided. */
  share: number | null;
}

/** Five years of months at most: the report is a table for people, not an export. */
export const MAX_REPORT_MONTHS = 60;

const KINDS = Object.values(IncomeSupportKind);
const QUEUES = Object.values(ProcessingQueue);

/**
 * Käsittelyaikaseuranta: per month × kind × queue, every combination listed (zeros included, so tables
 * line up month to month), ordered by month, kind, queue. `from` and `to` are days, inclusive; an
 * application counts as received in its receivedOn month and as decided in its decidedOn month, each
 * only when that day is within [from, to]. A decision without a due date counts as late: the deadline
 * cannot be shown to have been met.
 */
export function monthlyReport(applications: readonly ReportedApplication[], from: string, to: string): MonthlyReportRow[] {
  const start = parseLocalDate(from, 'from');
  parseLocalDate(to, 'to');
  if (to < from) throw badInput('to must not be before from', { field: 'to' });
  const firstMonth: LocalDate = localDateFromParts({ ...toLocalDateParts(start), day: 1 });
  if (addMonths(firstMonth, MAX_REPORT_MONTHS) <= to) throw badInput(`a report covers at most ${MAX_REPORT_MONTHS} months`, { field: 'to' });

  const rows = new Map<string, MonthlyReportRow>();
  const key = (month: string, kind: string, queue: string) => `${month}|${kind}|${queue}`;
  for (let month = firstMonth; month <= to; month = addMonths(month, 1)) {
    const ym = month.slice(0, 7);
    for (const kind of KINDS) {
      for (const queue of QUEUES) {
        rows.set(key(ym, kind, queue), { month: ym, kind, queue, received: 0, decided: 0, decidedWithinDeadline: 0, share: null });
      }
    }
  }
  const inRange = (date: string | null): date is string => date !== null && date >= from && date <= to;

  applications.forEach((app, index) => {
    parseLocalDate(app.receivedOn, 'receivedOn');
    if (app.decidedOn !== null) parseLocalDate(app.decidedOn, 'decidedOn');
    if (app.decisionDueOn !== null) parseLocalDate(app.decisionDueOn, 'decisionDueOn');
    if (!KINDS.includes(app.kind) || !QUEUES.includes(app.queue)) throw badInput('unknown kind or queue', { index });
    if (inRange(app.receivedOn)) rows.get(key(app.receivedOn.slice(0, 7), app.kind, app.queue))!.received++;
    if (inRange(app.decidedOn)) {
      const row = rows.get(key(app.decidedOn.slice(0, 7), app.kind, app.queue))!;
      row.decided++;
      if (app.decisionDueOn !== null && app.decidedOn <= app.decisionDueOn) row.decidedWithinDeadline++;
    }
  });

  return [...rows.values()].map((row) => ({
    ...row,
    share: row.decided === 0 ? null : Math.round((row.decidedWithinDeadline * 10_000) / row.decided) / 10_000,
  }));
}
