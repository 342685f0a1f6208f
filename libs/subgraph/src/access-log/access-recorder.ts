import type { Identity } from '@asw/auth';
import { noteRefusal } from '@asw/platform';

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
 * The basis a role check gives: `role:SOCIAL_WORKER+SUPERVISOR`, or `partner:KELA`, when no relationship
 * or other basis was admitted for the client.
 */
export function roleBasis(identity: Identity): string {
  return identity.kind === 'user' ? `role:${identity.roles.join('+')}` : `partner:${identity.partner}`;
}

/**
 * What one request did with client data. Resolvers record as they go (`ctx.access.read(clientId,
 * 'rentArrears')`); categories are this service's (`housing-support:rentArrears`) unless already
 * qualified, and the basis is the caller's right. The access-log plugin writes it all when the response
 * leaves, and withholds the response if it cannot. The same entry recorded twice in one request (a
 * list reading one client through several paths) is kept once.
 */
export class AccessRecorder {
  private readonly seen = new Map<string, AccessEntry>();
  private readonly bases = new Map<string, string>();

  constructor(
    private readonly service: string,
    private readonly identity: Identity,
  ) {}

  get entries(): AccessEntry[] {
    return [...this.seen.values()];
  }

  /**
   * The basis this request holds for the client from now on, e.g. `relationship:NAMED_WORKER` once
   * `ctx.relationships` admitted the caller, or `queue:team-a` for a benefits handler's queue.
   */
  admit(clientId: string, basis: string): void {
    this.bases.set(clientId.toLowerCase(), basis);
  }

  /** The basis this request was admitted on for the client so far (where a parent object was loaded), or null. */
  heldBasis(clientId: string): string | null {
    return this.bases.get(clientId.toLowerCase()) ?? null;
  }

  read(clientId: string, ...categories: string[]): void {
    this.add({ clientId, action: 'READ', categories, basis: this.basisFor(clientId), outcome: 'ALLOWED' });
  }

  changed(clientId: string, ...categories: string[]): void {
    this.add({ clientId, action: 'CHANGE', categories, basis: this.basisFor(clientId), outcome: 'ALLOWED' });
  }

  /** A refusal, with its reason; without categories it stands for the whole service. */
  refused(clientId: string | null, action: AccessAction, reason: string, ...categories: string[]): void {
    noteRefusal('access_policy');
    this.add({ clientId, action, categories: categories.length > 0 ? categories : [this.service], basis: reason, outcome: 'REFUSED' });
  }

  private basisFor(clientId: string): string {
    return this.bases.get(clientId.toLowerCase()) ?? roleBasis(this.identity);
  }

  private add(entry: AccessEntry): void {
    const qualified = entry.categories.map((category) => (category.includes(':') || category === this.service ? category : `${this.service}:${category}`));
    const categories = [...new Set(qualified)].sort();
    const normalized = { ...entry, clientId: entry.clientId?.toLowerCase() ?? null, categories };
    this.seen.set(JSON.stringify(normalized), normalized);
  }
}
