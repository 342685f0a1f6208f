import type { UserRole } from '@asw/auth';

/**
 * Who may do what in etuuskäsittely (DOMAIN.md roles). These are role checks only: relationship-based
 * access (benefits handlers see applications in their queues, named workers their clients) plugs in
 * here, in a later issue. Resolvers record each access with `ctx.access` (the access log).
 */
export const READ_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Registering what arrived on paper, by e-service or at the front desk. */
export const REGISTER_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR', 'CLIENT_ADVISOR'];
/** Handling and deciding: benefits handlers, and the social worker or instructor who decides urgent matters at once. */
export const HANDLE_ROLES: UserRole[] = ['BENEFITS_HANDLER', 'SUPERVISOR', 'SOCIAL_WORKER', 'SOCIAL_INSTRUCTOR'];
