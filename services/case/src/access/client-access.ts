import type { UserIdentity, UserRole } from '@asw/auth';
import { forbidden, isUuid } from '@asw/platform';
import { GraphContext, requireUser } from '@asw/subgraph';

/**
 * The one place the case service decides who may see and change client data, and where each access is
 * written to the access log (käyttöloki, laki 703/2023). Two checks, both per request and per client:
 * - the caller's role admits the kind of work (`authorizeClientAccess`);
 * - a client relationship admits the client (PRODUCT.md "Who may do what": the named worker or a
 *   co-worker on one of the client's open cases, or the supervisor of a case's team; `ctx.relationships`
 *   from libs/subgraph). The relationship found is the access log's basis, e.g. `relationship:CO_WORKER`.
 * Bases other than a relationship, each documented where it is used:
 * - `intake`: any client worker may open a case for a client (SHL §34–35: a matter becomes pending at
 *   first contact, whoever takes it); the opener then works on the case (a co-worker);
 * - `registration`: the registrar sees the client they just registered in the response;
 * - `role:BENEFITS_HANDLER`: a benefits handler reads a client's basic details (`case:client`) for the
 *   applications in their queue (which live in benefits-handling), never cases, plans or decisions.
 * An unknown client, case or plan is refused like one without a relationship: existence is not revealed.
 */
export const CLIENT_READERS: readonly UserRole[] = ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'CLIENT_ADVISOR', 'SUPERVISOR', 'BENEFITS_HANDLER'];
/** Who may register clients, open cases and record contacts: everyone working with clients. */
export const CLIENT_WORKERS: readonly UserRole[] = ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'PRACTICAL_NURSE', 'CLIENT_ADVISOR', 'SUPERVISOR'];
/** Who carries the client process (assessment, plan, named worker, closing): social welfare professionals and their lead. */
export const CASEWORKERS: readonly UserRole[] = ['SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'SUPERVISOR'];
/** Service decisions (SHL §45) are made by social workers (DOMAIN.md roles). */
export const DECISION_MAKERS: readonly UserRole[] = ['SOCIAL_WORKER'];
/** Workers are registered by the team lead. */
export const WORKER_ADMINS: readonly UserRole[] = ['SUPERVISOR'];

export type ClientAction = 'read' | 'work' | 'casework' | 'decide';

const ROLES_FOR: Record<ClientAction, readonly UserRole[]> = {
  read: CLIENT_READERS,
  work: CLIENT_WORKERS,
  casework: CASEWORKERS,
  decide: DECISION_MAKERS,
};

/** The case service's data categories in the access log. */
export type ClientDataCategory =
  | 'case:client'
  | 'case:cases'
  | 'case:decisions'
  | 'case:plans'
  | 'case:contacts'
  | 'case:measurements'
  | 'case:activation'
  | 'case:timeline';

/** The role that reads a client's basic details without a relationship, and only those. */
const BASIC_DETAILS_ROLE: UserRole = 'BENEFITS_HANDLER';
const BASIC_DETAILS: ClientDataCategory = 'case:client';

/** The bases other than a relationship (see above). */
export type OtherBasis = 'intake' | 'registration';

const NO_RELATIONSHIP = 'no client relationship';

/** An admitted caller; every read or change of a client's data is admitted and goes on record through it. */
export class ClientAccess {
  constructor(
    private readonly ctx: GraphContext,
    readonly user: UserIdentity,
  ) {}

  /**
   * Admits reading `category` of the client's data (FORBIDDEN otherwise, recorded) and records the read.
   * `clientId` null: the record asked for is unknown, refused the same way.
   */
  async read(clientId: string | null, category: ClientDataCategory): Promise<void> {
    const admitted = await this.admit(clientId, 'READ', category);
    this.ctx.access.read(admitted, category);
  }

  /** Admits changing `category` of the client's data before anything is written (FORBIDDEN otherwise, recorded). */
  async change(clientId: string | null, category: ClientDataCategory): Promise<string> {
    return this.admit(clientId, 'CHANGE', category);
  }

  /** Records a change made (after `change` or `admitOn` admitted it). */
  changed(clientId: string, category: ClientDataCategory): void {
    this.ctx.access.changed(clientId, category);
  }

  /** Admits the client on a basis other than a relationship (`intake`, `registration`). */
  admitOn(clientId: string, basis: OtherBasis): void {
    this.ctx.access.admit(clientId, basis);
  }

  /**
   * A list keeps the items whose client's `category` the caller may read, the first `limit` of them,
   * each read recorded; the others are left out, not refused. `items` come in the order they are shown.
   * `exact`: the caller named the client exactly (a search by identity code), so a benefits handler
   * finds them on their role; browsing by name shows anyone only the clients they have a relationship with.
   */
  async filter<T>(items: readonly T[], clientIdOf: (item: T) => string, category: ClientDataCategory, { limit = Infinity, exact = false } = {}): Promise<T[]> {
    let kept: T[];
    if (exact && this.readsBasicDetailsOnRole(category)) {
      // Never refuses: a relationship where there is one, the role's basis otherwise.
      await Promise.all(items.map((item) => this.admit(clientIdOf(item), 'READ', category)));
      kept = [...items];
    } else {
      kept = await this.ctx.relationships.filter(items, clientIdOf);
    }
    kept = kept.slice(0, limit);
    for (const item of kept) this.ctx.access.read(clientIdOf(item), category);
    return kept;
  }

  private async admit(clientId: string | null, action: 'READ' | 'CHANGE', category: ClientDataCategory): Promise<string> {
    if (clientId === null || !isUuid(clientId)) {
      this.ctx.access.refused(null, action, NO_RELATIONSHIP, category);
      throw forbidden('You have no client relationship with this client');
    }
    if (action === 'READ' && this.readsBasicDetailsOnRole(category) && (await this.ctx.relationships.of(clientId)) === null) {
      this.ctx.access.admit(clientId, `role:${BASIC_DETAILS_ROLE}`);
      return clientId;
    }
    await this.ctx.relationships.require(clientId, action, category);
    return clientId;
  }

  private readsBasicDetailsOnRole(category: ClientDataCategory): boolean {
    return category === BASIC_DETAILS && this.user.roles.includes(BASIC_DETAILS_ROLE);
  }
}

/**
 * Admits the caller's role to `action` on client data, or refuses (FORBIDDEN) and logs the refusal.
 * `clientId` is the client concerned when the input names one. The client itself is admitted per id
 * through the returned `ClientAccess`.
 */
export function authorizeClientAccess(ctx: GraphContext, action: ClientAction, clientId: string | null = null): ClientAccess {
  try {
    return new ClientAccess(ctx, requireUser(ctx.identity, ...ROLES_FOR[action]));
  } catch (error) {
    ctx.access.refused(clientId, action === 'read' ? 'READ' : 'CHANGE', error instanceof Error ? error.message : 'refused');
    throw error;
  }
}
