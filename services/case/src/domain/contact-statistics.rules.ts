import { badInput } from '@asw/platform';
import { parseLocalDate } from '@asw/calendar';
import { WorkerRole } from './named-worker.rules';

/** Yhteydenoton tyyppi: how a contact with the client happened, as units report visits. */
export enum ContactType {
  /** Asiakaskäynti (toimistolla) */
  OFFICE_VISIT = 'OFFICE_VISIT',
  /** Kotikäynti */
  HOME_VISIT = 'HOME_VISIT',
  /** Puhelu */
  PHONE = 'PHONE',
  /** Etätapaaminen */
  REMOTE = 'REMOTE',
  /** Ryhmätapaaminen */
  GROUP_SESSION = 'GROUP_SESSION',
}

export interface CountedContact {
  /** YYYY-MM-DD */
  occurredOn: string;
  workerRole: WorkerRole;
  type: ContactType;
}

export interface MonthlyContactRow {
  /** YYYY-MM */
  month: string;
  workerRole: WorkerRole;
  counts: Record<ContactType, number>;
  total: number;
}

const ROLE_ORDER = Object.values(WorkerRole);
const emptyCounts = () => Object.fromEntries(Object.values(ContactType).map((type) => [type, 0])) as Record<ContactType, number>;

/**
 * Monthly visit statistics by worker role and contact type, as units report them (e.g. Lahti #Noste
 * 2016). Counts contacts on days from..to inclusive, so a range starting mid-month counts part of that
 * month. Only months and roles with contacts get a row; rows are ordered by month, then role.
 */
export function monthlyContactStatistics(contacts: readonly CountedContact[], from: string, to: string): MonthlyContactRow[] {
  parseLocalDate(from, 'from');
  parseLocalDate(to, 'to');
  if (to < from) throw badInput('to must not be before from', { field: 'to', from, to });
  const rows = new Map<string, MonthlyContactRow>();
  for (const contact of contacts) {
    if (contact.occurredOn < from || contact.occurredOn > to) continue;
    const month = contact.occurredOn.slice(0, 7); // YYYY-MM
    const key = `${month}|${contact.workerRole}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { month, workerRole: contact.workerRole, counts: emptyCounts(), total: 0 }));
    row.counts[contact.type] += 1;
    row.total += 1;
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || ROLE_ORDER.indexOf(a.workerRole) - ROLE_ORDER.indexOf(b.workerRole));
}
