import type { UserRole } from '@asw/auth';
import { GraphContext, roleBasis } from '@asw/subgraph';

/**
 * Who may do what in etuuskäsittely (DOMAIN.md roles). These are role checks only: relationship-based
 * access (benefits handlers see applications in their queues, named workers their clients) and the
 * access log (käyttöloki) plug in here, in a later issue, where each resolver calls requireUser.
 */
export const READ_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Registering what arrived on paper, by e-service or at the front desk. */
export const REGISTER_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Handling and deciding: benefits handlers, and the social worker or instructor who decides urgent matters at once. */
export const HANDLE_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR'];

/** This service's data categories in the access log (käyttöloki / luovutusloki). */
export type BenefitsDataCategory = 'incomeSupportApplications' | 'incomeSupportDecisions' | 'recoveryClaims' | 'kelaNotices';

/**
 * Käyttöloki: this request read the client's data (reads through `Client` are logged by the library).
 * For a partner the same entry is a disclosure (luovutusloki).
 */
export function logRead(ctx: GraphContext, clientId: string, category: BenefitsDataCategory): void {
  ctx.access.read(clientId, [`benefits-handling:${category}`], roleBasis(ctx.identity));
}

/** Käyttöloki: this request changed (or, for Kela, submitted) the client's data. */
export function logChange(ctx: GraphContext, clientId: string, category: BenefitsDataCategory): void {
  ctx.access.changed(clientId, [`benefits-handling:${category}`], roleBasis(ctx.identity));
}
