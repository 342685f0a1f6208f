import type { UserIdentity, UserRole } from '@asw/auth';
import { isUuid } from '@asw/platform';
import { GraphContext, noRelationship, requireUser } from '@asw/subgraph';

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
 * - `queue:<team>`: a benefits handler reads a client's basic details (`case:client`) once an
 *   application of the client has reached their team's queue (which lives in benefits-handling; case keeps
 *   `client_handling_team` from its events and does not yet drop a row when the matter ends), never
 *   cases, plans or decisions;
 * - a case opened on intake only (the opener had no relationship, the client had cases) admits that
 *   case and the basic details, not the client's other records (`clientDataBasis`).
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

/** The role that reads a client's basic details on its team's queue, and only those. */
const BASIC_DETAILS_ROLE: UserRole = 'BENEFITS_HANDLER';
const BASIC_DETAILS: ClientDataCategory = 'case:client';

/** The bases other than a relationship (see above). */
export type OtherBasis = 'intake' | 'registration';

/** Whether each client has an application in the team's benefits queue (client_handling_team, from benefits-handling's events). */
function inHandlingQueue(ctx: GraphContext, team: string) {
  return ctx.loaders.get<boolean>(`client-handling-team:${team}`, async (clientIds) => {
    const rows: Array<{ client_id: string }> = await ctx.db.query(`SELECT client_id FROM client_handling_team WHERE team = $1 AND client_id = ANY($2::uuid[])`, [team, clientIds]);
    const found = new Set(rows.map((row) => row.client_id));
    return clientIds.map((id) => found.has(id));
  });
}

/**
 * The basis on which the caller reaches `category` of the client's data (issue #13), or null:
 * - basic details (`case:client`): working on any of the client's cases (also one opened on intake
 *   only), a client-wide relationship or a justified access, or, for a BENEFITS_HANDLER, an application
 *   of the client in their team's queue (basis `queue:<team>`);
 * - one case's data (`caseId` given: the case, its plan, its decisions): working on that case, or the
 *   client-wide bases;
 * - everything else (the client's other cases, contacts, measurements, activation, timeline): a
 *   client-wide relationship or a justified access only.
 */
export async function clientDataBasis(ctx: GraphContext, user: UserIdentity, clientId: string, category: ClientDataCategory, caseId?: string | null, { queue = true } = {}): Promise<string | null> {
  if (category === BASIC_DETAILS) {
    const basis = await ctx.relationships.anyCaseBasisFor(clientId);
    if (basis) return basis;
    if (queue && user.roles.includes(BASIC_DETAILS_ROLE) && (await inHandlingQueue(ctx, user.team).load(clientId.toLowerCase()))) return `queue:${user.team}`;
    return null;
  }
  if (caseId) return ctx.relationships.caseBasisFor(clientId, caseId);
  return ctx.relationships.basisFor(clientId);
}

/** An admitted caller; every read or change of a client's data is admitted and goes on record through it. */
export class ClientAccess {
  constructor(
    private readonly ctx: GraphContext,
    readonly user: UserIdentity,
  ) {}

  /**
   * Admits reading `category` of the client's data (FORBIDDEN otherwise, recorded) and records the read.
   * `clientId` null: the record asked for is unknown, refused the same way. `caseId`: the data is one
   * case's (working on that case admits it).
   */
  async read(clientId: string | null, category: ClientDataCategory, caseId?: string | null): Promise<void> {
    const admitted = await this.admit(clientId, 'READ', category, caseId);
    this.ctx.access.read(admitted, category);
  }

  /** Admits changing `category` of the client's data before anything is written (FORBIDDEN otherwise, recorded); returns the basis' client. */
  async change(clientId: string | null, category: ClientDataCategory, caseId?: string | null): Promise<string> {
    return this.admit(clientId, 'CHANGE', category, caseId);
  }

  /** Records a change made (after `change` or `admitOn` admitted it). */
  changed(clientId: string, category: ClientDataCategory): void {
    this.ctx.access.changed(clientId, category);
  }

  /** Admits the client on a basis other than a relationship (`intake`, `registration`). */
  admitOn(clientId: string, basis: OtherBasis): void {
    this.ctx.access.admit(clientId, basis);
  }

  /** A registration refused because the person is registered already: recorded under the existing client. */
  refusedRegistration(clientId: string, reason: string): void {
    this.ctx.access.refused(clientId, 'CHANGE', reason, 'case:client');
  }

  /** The basis the caller holds for the client's `category` (see clientDataBasis), or null. */
  basisFor(clientId: string, category: ClientDataCategory, caseId?: string | null, options?: { queue?: boolean }): Promise<string | null> {
    return clientDataBasis(this.ctx, this.user, clientId, category, caseId, options);
  }

  /**
   * A list keeps the items whose client's `category` the caller may read, the first `limit` of them,
   * each read recorded; the others are left out, not refused. `items` come in the order they are shown.
   * `caseIdOf`: each item is one case's (working on that case admits it). `exact`: the caller named
   * the client exactly (a search by identity code), so a benefits handler finds a client of their queue;
   * browsing by name never shows a client on the queue basis.
   */
  async filter<T>(
    items: readonly T[],
    clientIdOf: (item: T) => string,
    category: ClientDataCategory,
    { limit = Infinity, exact = false, caseIdOf }: { limit?: number; exact?: boolean; caseIdOf?: (item: T) => string } = {},
  ): Promise<T[]> {
    const bases = await Promise.all(items.map((item) => this.basisFor(clientIdOf(item), category, caseIdOf?.(item), { queue: exact })));
    const kept = items.filter((_item, index) => bases[index] !== null).slice(0, limit);
    for (const item of kept) {
      this.ctx.access.admit(clientIdOf(item), bases[items.indexOf(item)]!);
      this.ctx.access.read(clientIdOf(item), category);
    }
    return kept;
  }

  private async admit(clientId: string | null, action: 'READ' | 'CHANGE', category: ClientDataCategory, caseId?: string | null): Promise<string> {
    if (clientId === null || !isUuid(clientId)) {
      this.ctx.access.refused(null, action, NO_RELATIONSHIP, category);
      throw noRelationship();
    }
    this.ctx.relationships.admitWith(clientId, await this.basisFor(clientId, category, caseId), action, [category]);
    return clientId;
  }
}

const NO_RELATIONSHIP = 'no client relationship';

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
