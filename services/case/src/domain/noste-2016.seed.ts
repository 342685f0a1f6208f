import { ContactType, CountedContact } from './contact-statistics.rules';
import { WorkerRole } from './named-worker.rules';

export interface MonthlyVisitFigure {
  workerRole: WorkerRole;
  /** YYYY-MM */
  month: string;
  /** Asiakaskäynnit */
  officeVisits: number;
  /** Kotikäynnit */
  homeVisits: number;
  total: number;
}

const figures = (workerRole: WorkerRole, months: string[], office: number[], home: number[], total: number[]): MonthlyVisitFigure[] =>
  months.map((month, i) => ({ workerRole, month: `2016-${month}`, officeVisits: office[i], homeVisits: home[i], total: total[i] }));

/**
 * Seed: social rehabilitation visits of the Lahti #Noste team in 2016, by month and worker group
 * (DOMAIN.md, "Figures the units report"). Used by unit tests and, through the graph, by end-to-end tests.
 */
export const NOSTE_2016_SEED = {
  team: 'Lahti #Noste',
  year: 2016,
  /** The team had about 60 clients. */
  approximateClientCount: 60,
  from: '2016-06-01',
  to: '2016-11-30',
  figures: [
    ...figures(WorkerRole.SOCIAL_INSTRUCTOR, ['06', '07', '08', '09', '10', '11'], [31, 56, 64, 61, 49, 97], [25, 36, 56, 67, 53, 14], [56, 92, 120, 128, 102, 111]),
    ...figures(WorkerRole.PRACTICAL_NURSE, ['07', '08', '09', '10', '11'], [15, 10, 6, 13, 20], [23, 29, 40, 39, 30], [38, 39, 46, 52, 50]),
  ] as readonly MonthlyVisitFigure[],
} as const;

/** Individual contacts reproducing the figures, spread over days 1–28 of each month (deterministic). */
export function contactsFromFigures(monthly: readonly MonthlyVisitFigure[]): CountedContact[] {
  const day = (i: number) => String((i % 28) + 1).padStart(2, '0');
  return monthly.flatMap(({ workerRole, month, officeVisits, homeVisits }) => [
    ...Array.from({ length: officeVisits }, (_, i) => ({ occurredOn: `${month}-${day(i)}`, workerRole, type: ContactType.OFFICE_VISIT })),
    ...Array.from({ length: homeVisits }, (_, i) => ({ occurredOn: `${month}-${day(i + officeVisits)}`, workerRole, type: ContactType.HOME_VISIT })),
  ]);
}
