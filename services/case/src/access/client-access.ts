import type { UserIdentity, UserRole } from '@asw/auth';
import { GraphContext, requireUser } from '@asw/subgraph';

/**
 * The one place the case service decides who may see and change client data, and where each access is
 * written to the access log (käyttöloki, laki 703/2023). Today it checks the caller's role; the
 * client-relationship check (named worker, co-worker on the case, the team's supervisor: PRODUCT.md
 * "Who may do what") is a later issue and belongs in `ClientAccess.read`/`changed`, per client id, so no
 * resolver needs to change when it comes.
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

/** An admitted caller; every read or change of a client's data goes on record through it. */
export class ClientAccess {
  constructor(
    private readonly ctx: GraphContext,
    readonly user: UserIdentity,
  ) {}

  read(clientId: string, category: ClientDataCategory): void {
    this.ctx.access.read(clientId, category);
  }

  changed(clientId: string, category: ClientDataCategory): void {
    this.ctx.access.changed(clientId, category);
  }
}

/**
 * Admits the caller to `action` on client data, or refuses (FORBIDDEN) and logs the refusal.
 * `clientId` is the client concerned when the input names one.
 */
export function authorizeClientAccess(ctx: GraphContext, action: ClientAction, clientId: string | null = null): ClientAccess {
  try {
    return new ClientAccess(ctx, requireUser(ctx.identity, ...ROLES_FOR[action]));
  } catch (error) {
    ctx.access.refused(clientId, action === 'read' ? 'READ' : 'CHANGE', error instanceof Error ? error.message : 'refused');
    throw error;
  }
}
