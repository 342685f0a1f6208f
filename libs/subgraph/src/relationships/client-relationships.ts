import type { EntityManager } from 'typeorm';
import type { Identity } from '@asw/auth';
import { DomainError } from '@asw/platform';
import type { AccessAction, AccessRecorder } from '../access-log/access-recorder';
import { activeJustifications } from '../justified-access/justified-access';
import { justifiedBasis } from '../justified-access/justified-access.rules';
import { loadCaseRelationships } from './case-relationships';
import { caseBasis, caseRelationshipOf, CaseRelationships, ClientRelationship, relationshipBasis, relationshipOf } from './relationship.rules';

/** What `loaders.get` needs: one batch loader per name per request. */
interface LoaderSource {
  get<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): { load(id: string): Promise<V> };
}

/** The reason a refusal for want of a relationship carries (details.reason). */
export const NO_CLIENT_RELATIONSHIP = 'NO_CLIENT_RELATIONSHIP';
const REFUSAL = 'no client relationship';

/** FORBIDDEN for want of a relationship: the same answer for an unknown id (existence is not revealed). */
export const noRelationship = () => new DomainError('FORBIDDEN', 'You have no client relationship with this client', { reason: NO_CLIENT_RELATIONSHIP });

/**
 * Relationship-based access for one request (`ctx.relationships`), the same in every subgraph: the
 * caller reaches a client's data through a client relationship, checked per client id wherever it
 * comes from (a query argument, a mutation input, an `_entities` reference, a row of a list), or
 * through an access with justification in force (basis `justified:<REASON>`). The basis found is what
 * the access log records; a refusal is recorded too. Relationships of all clients asked about at one
 * level of a request load in one query.
 */
export class ClientRelationships {
  constructor(
    private readonly db: EntityManager,
    private readonly identity: Identity,
    private readonly access: AccessRecorder,
    private readonly loaders: LoaderSource,
  ) {}

  /** The client's cases with who works on them. */
  private cases(clientId: string): Promise<CaseRelationships[]> {
    const loader = this.loaders.get<CaseRelationships[]>('case-relationships', async (ids) => {
      const cases = await loadCaseRelationships(this.db, ids);
      return ids.map((id) => cases.filter((c) => c.clientId === id));
    });
    return loader.load(clientId.toLowerCase());
  }

  /** The caller's client-wide relationship with the client; partners and workers without one have none. */
  async of(clientId: string): Promise<ClientRelationship | null> {
    const identity = this.identity;
    if (identity.kind !== 'user') return null;
    return relationshipOf(identity, await this.cases(clientId));
  }

  /** The reason of the caller's access with justification in force for the client, or null. */
  async justification(clientId: string): Promise<string | null> {
    const identity = this.identity;
    if (identity.kind !== 'user') return null;
    const loader = this.loaders.get<string | null>(`justified-access:${identity.userId}`, (ids) => activeJustifications(this.db, identity.userId, ids));
    return loader.load(clientId.toLowerCase());
  }

  /** The basis on which the caller reaches the client's records: a client-wide relationship, else a justification in force, else null. */
  async basisFor(clientId: string): Promise<string | null> {
    const relationship = await this.of(clientId);
    if (relationship) return relationshipBasis(relationship);
    const reason = await this.justification(clientId);
    return reason ? justifiedBasis(reason) : null;
  }

  /**
   * The basis on which the caller reaches one case of the client: working on it (also on a case
   * opened on intake only), else the client-wide bases. Null when none.
   */
  async caseBasisFor(clientId: string, caseId: string): Promise<string | null> {
    const identity = this.identity;
    if (identity.kind !== 'user') return null;
    const kase = (await this.cases(clientId)).find((c) => c.caseId === caseId.toLowerCase());
    const onCase = kase ? caseRelationshipOf(identity, kase) : null;
    if (onCase && kase!.clientWide === false) return caseBasis(kase!.caseId, onCase);
    return (await this.basisFor(clientId)) ?? (onCase ? relationshipBasis(onCase) : null);
  }

  /** The basis on which the caller reaches some case of the client (for the client's basic details), or null. */
  async anyCaseBasisFor(clientId: string): Promise<string | null> {
    const identity = this.identity;
    if (identity.kind !== 'user') return null;
    const wide = await this.basisFor(clientId);
    if (wide) return wide;
    for (const kase of await this.cases(clientId)) {
      const onCase = caseRelationshipOf(identity, kase);
      if (onCase) return caseBasis(kase.caseId, onCase);
    }
    return null;
  }

  /** The ids of the client's cases the caller works on, also those opened on intake only. */
  async casesWorkedOn(clientId: string): Promise<Set<string>> {
    const identity = this.identity;
    if (identity.kind !== 'user') return new Set();
    return new Set((await this.cases(clientId)).filter((c) => caseRelationshipOf(identity, c) !== null).map((c) => c.caseId));
  }

  /**
   * Admits the caller to the client's data, or refuses with FORBIDDEN and records the refusal. Whether
   * the client exists is not revealed: an unknown id is refused the same way. Returns the basis.
   */
  async require(clientId: string, action: AccessAction, ...categories: string[]): Promise<string> {
    return this.admitWith(clientId, await this.basisFor(clientId), action, categories);
  }

  /** Records the basis found, or the refusal and FORBIDDEN when there is none. */
  admitWith(clientId: string, basis: string | null, action: AccessAction, categories: string[]): string {
    if (!basis) {
      this.access.refused(clientId, action, REFUSAL, ...categories);
      throw noRelationship();
    }
    this.access.admit(clientId, basis);
    return basis;
  }

  /** A list keeps only the clients the caller reaches (relationship or justification); the others are left out, not refused. */
  async filter<T>(items: readonly T[], clientIdOf: (item: T) => string): Promise<T[]> {
    const bases = await Promise.all(items.map((item) => this.basisFor(clientIdOf(item))));
    return items.filter((item, index) => {
      const basis = bases[index];
      if (basis) this.access.admit(clientIdOf(item), basis);
      return basis !== null;
    });
  }
}
