import { DomainError } from '@asw/platform';
import { IncomeSupportKind, ProcessingQueue } from './application.rules';
import { monthlyReport, ReportedApplication } from './monthly-report.rules';

const S = IncomeSupportKind.SUPPLEMENTARY;
const P = IncomeSupportKind.PREVENTIVE;
const app = (over: Partial<ReportedApplication>): ReportedApplication => ({
  kind: S,
  queue: ProcessingQueue.GENERAL,
  receivedOn: '2026-01-10',
  decidedOn: null,
  decisionDueOn: '2026-01-20',
  ...over,
});

describe('monthlyReport', () => {
  const apps = [
    app({ decidedOn: '2026-01-15' }), // on time
    app({ decidedOn: '2026-01-20' }), // on the due day: on time
    app({ decidedOn: '2026-01-21' }), // late
    app({ receivedOn: '2026-01-28', decisionDueOn: '2026-02-06', decidedOn: '2026-02-05' }), // received Jan, decided Feb
    app({ kind: P, queue: ProcessingQueue.URGENT, receivedOn: '2026-02-02', decisionDueOn: '2026-02-03', decidedOn: '2026-02-04' }),
    app({ queue: ProcessingQueue.STUDENTS, receivedOn: '2026-02-10', decisionDueOn: null, decidedOn: '2026-02-12' }), // no due date: late
    app({ receivedOn: '2025-12-30', decisionDueOn: '2026-01-09', decidedOn: '2026-01-08' }), // received before range, decided in it
    app({ receivedOn: '2026-02-27', decidedOn: '2026-03-02', decisionDueOn: '2026-03-10' }), // decided after range
  ];
  const rows = monthlyReport(apps, '2026-01-01', '2026-02-28');
  const row = (month: string, kind: IncomeSupportKind, queue: ProcessingQueue) => rows.find((r) => r.month === month && r.kind === kind && r.queue === queue);

  it('lists every month × kind × queue, in order', () => {
    expect(rows).toHaveLength(2 * 2 * 3);
    expect(rows.slice(0, 3).map((r) => [r.month, r.kind, r.queue])).toEqual([
      ['2026-01', 'SUPPLEMENTARY', 'GENERAL'],
      ['2026-01', 'SUPPLEMENTARY', 'STUDENTS'],
      ['2026-01', 'SUPPLEMENTARY', 'URGENT'],
    ]);
  });

  it.each([
    { month: '2026-01', kind: S, queue: ProcessingQueue.GENERAL, received: 4, decided: 4, within: 3, share: 0.75 },
    { month: '2026-02', kind: S, queue: ProcessingQueue.GENERAL, received: 1, decided: 1, within: 1, share: 1 },
    { month: '2026-02', kind: P, queue: ProcessingQueue.URGENT, received: 1, decided: 1, within: 0, share: 0 },
    { month: '2026-02', kind: S, queue: ProcessingQueue.STUDENTS, received: 1, decided: 1, within: 0, share: 0 },
    { month: '2026-01', kind: P, queue: ProcessingQueue.GENERAL, received: 0, decided: 0, within: 0, share: null },
  ])('$month $kind $queue', ({ month, kind, queue, received, decided, within, share }) => {
    expect(row(month, kind, queue)).toEqual({ month, kind, queue, received, decided, decidedWithinDeadline: within, share });
  });

  it('rounds the share to 4 decimals', () => {
    const three = [app({ decidedOn: '2026-01-15' }), app({ decidedOn: '2026-01-15' }), app({ decidedOn: '2026-01-25' })];
    expect(monthlyReport(three, '2026-01-01', '2026-01-31')[0].share).toBe(0.6667);
  });

  it('counts only days inside a partial-month range', () => {
    const r = monthlyReport([app({ receivedOn: '2026-01-05' }), app({ receivedOn: '2026-01-25' })], '2026-01-10', '2026-01-31');
    expect(r[0].received).toBe(1); // 25.1. counts, 5.1. is before the range
  });

  it.each([
    ['2026-02-01', '2026-01-31'],
    ['2026-01-01', '2031-01-01'],
    ['2026-01-32', '2026-02-01'],
  ])('refuses the range %s – %s', (from, to) => {
    expect(() => monthlyReport([], from, to)).toThrow(DomainError);
  });
});
