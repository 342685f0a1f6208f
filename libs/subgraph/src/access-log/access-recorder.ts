import type { Identity } from '@asw/auth';

export type AccessAction = 'READ' | 'CHANGE';
export type AccessOutcome = 'ALLOWED' | 'REFUSED';

/** One line of the access log, as a resolver knows it; who and when come from the request. */
export interface AccessEntry {
  clientId: string | null;
  action: AccessAction;
  /** What data: this service's data categories, e.g. `housing-support:housingSupport`. */
  categories: string[];
  /** On what basis: the right or relationship used, or why it was refused. */
  basis: string;
  outcome: AccessOutcome;
}

/**
 * The basis a role check gives: `role:SOCIAL_WORKER+SUPERVISOR`, or `partner:KELA`. Relationship checks
 * (named worker, co-worker, supervisor of the team) will name the relationship instead.
 */
export function roleBasis(identity: Identity): string {
  return identity.kind === 'user' ? `role:${identity.roles.join('+')}` : `partner:${identity.partner}`;
}

/**
 * What one request did with client data. Resolvers record as they go; the access-log plugin writes it
 * all when the response leaves, and withholds the response if it cannot. The same entry recorded twice
 * in one request (a list reading one client through several paths) is kept once.
 */
export class AccessRecorder {
  private readonly seen = new Map<string, AccessEntry>();

  get entries(): AccessEntry[] {
    return [...this.seen.values()];
  }

  read(clientId: string, categories: string[], basis: string): void {
    this.add({ clientId, action: 'READ', categories, basis, outcome: 'ALLOWED' });
  }

  changed(clientId: string, categories: string[], basis: string): void {
    this.add({ clientId, action: 'CHANGE', categories, basis, outcome: 'ALLOWED' });
  }

  refused(clientId: string | null, action: AccessAction, categories: string[], reason: string): void {
    this.add({ clientId, action, categories, basis: reason, outcome: 'REFUSED' });
  }

  private add(entry: AccessEntry): void {
    const categories = [...new Set(entry.categories)].sort();
    const normalized = { ...entry, clientId: entry.clientId?.toLowerCase() ?? null, categories };
    this.seen.set(JSON.stringify(normalized), normalized);
  }
}
