import type { EntityManager } from 'typeorm';
import type { Identity } from '@asw/auth';
import { forbidden } from '@asw/platform';
import type { AccessAction, AccessRecorder } from '../access-log/access-recorder';
import { loadCaseRelationships } from './case-relationships';
import { CaseRelationships, ClientRelationship, relationshipBasis, relationshipOf } from './relationship.rules';

/** What `loaders.get` needs: one batch loader per name per request. */
interface LoaderSource {
  get<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): { load(id: string): Promise<V> };
}

/**
 * Relationship-based access for one request (`ctx.relationships`), the same in every subgraph: the
 * caller reaches a client's data through a client relationship, checked per client id wherever it
 * comes from (a query argument, a mutation input, an `_entities` reference, a row of a list). The
 * relationship found becomes the basis the access log records; a refusal is recorded too.
 * Relationships of all clients asked about at one level of a request load in one query.
 */
export class ClientRelationships {
  constructor(
    private readonly db: EntityManager,
    private readonly identity: Identity,
    private readonly access: AccessRecorder,
    private readonly loaders: LoaderSource,
  ) {}

  /** The caller's relationship with the client; partners and workers without one have none. */
  async of(clientId: string): Promise<ClientRelationship | null> {
    const identity = this.identity;
    if (identity.kind !== 'user') return null;
    const loader = this.loaders.get<CaseRelationships[]>('case-relationships', async (ids) => {
      const cases = await loadCaseRelationships(this.db, ids);
      return ids.map((id) => cases.filter((c) => c.clientId === id));
    });
    return relationshipOf(identity, await loader.load(clientId.toLowerCase()));
  }

  /**
   * Admits the caller to the client's data, or refuses with FORBIDDEN and records the refusal. Whether
   * the client exists is not revealed: an unknown id is refused the same way.
   */
  async require(clientId: string, action: AccessAction, ...categories: string[]): Promise<ClientRelationship> {
    const relationship = await this.of(clientId);
    if (!relationship) {
      this.access.refused(clientId, action, 'no client relationship', ...categories);
      throw forbidden('You have no client relationship with this client');
    }
    this.access.admit(clientId, relationshipBasis(relationship));
    return relationship;
  }

  /** A list keeps only the clients the caller has a relationship with; the others are left out, not refused. */
  async filter<T>(items: readonly T[], clientIdOf: (item: T) => string): Promise<T[]> {
    const relationships = await Promise.all(items.map((item) => this.of(clientIdOf(item))));
    return items.filter((item, index) => {
      const relationship = relationships[index];
      if (relationship) this.access.admit(clientIdOf(item), relationshipBasis(relationship));
      return relationship !== null;
    });
  }
}
