import type { UserIdentity } from '@asw/auth';
import { AccessAction, GraphContext, noRelationship, performedBy, requireUser } from '@asw/subgraph';

/** Roles that do asumissosiaalinen työ: instructors and nurses on visits, social workers, team leads. */
export const HOUSING_SUPPORT_ROLES = ['SOCIAL_INSTRUCTOR', 'SOCIAL_WORKER', 'PRACTICAL_NURSE', 'SUPERVISOR'] as const;

/** The data categories of this service, as the access log names them (`housing-support:<category>`). */
export type HousingCategory = 'housingSupport' | 'paymentIntermediaryAccounts' | 'subleases' | 'rentArrears';

/** Who does a piece of housing work, and in which request: what a command writes and its event carries. */
export interface HousingActor {
  performedBy: ReturnType<typeof housingWorker>;
  correlationId: string;
}

/** The worker and the housing-work role their visit or report counts under. */
export const housingWorker = (worker: UserIdentity) => performedBy(worker, HOUSING_SUPPORT_ROLES);

/**
 * The one place this service decides access (PRODUCT.md "Who may do what"); every resolver starts here.
 * The caller's role alone admits nothing of a client's: see `authorizeClientWork` and `visibleClients`.
 */
export function authorizeHousingWork(ctx: GraphContext): UserIdentity {
  return requireUser(ctx.identity, ...HOUSING_SUPPORT_ROLES);
}

/**
 * A client's housing data, by client id (given, or loaded from the period, visit, arrears, account or
 * sublease named): the role and a client relationship (named worker or co-worker on an open case, the
 * team's supervisor), or FORBIDDEN with the refusal in the access log. Checked before anything is
 * returned or written; returns who acts, for the command.
 */
export async function authorizeClientWork(ctx: GraphContext, clientId: string | null, action: AccessAction, category: HousingCategory): Promise<HousingActor> {
  const worker = authorizeHousingWork(ctx);
  if (clientId === null) {
    // An id that names nothing answers exactly as one out of reach (existence is not revealed).
    ctx.access.refused(null, action, 'no client relationship', category);
    throw noRelationship();
  }
  await ctx.relationships.require(clientId, action, category);
  return { performedBy: housingWorker(worker), correlationId: ctx.correlationId };
}

/** A list keeps only the clients the caller has a relationship with; the others are left out, not refused. */
export async function visibleClients<T extends { clientId: string }>(ctx: GraphContext, rows: readonly T[]): Promise<T[]> {
  authorizeHousingWork(ctx);
  return ctx.relationships.filter(rows, (row) => row.clientId);
}
