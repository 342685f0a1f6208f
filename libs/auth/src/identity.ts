import { z } from 'zod';

/** Roles of internal users (DOMAIN.md, "Who works here"), as they arrive in the token's `roles` claim. */
export const USER_ROLES = [
  'SOCIAL_WORKER', // sosiaalityöntekijä
  'SOCIAL_INSTRUCTOR', // sosiaaliohjaaja
  'PRACTICAL_NURSE', // lähihoitaja
  'BENEFITS_HANDLER', // etuuskäsittelijä
  'CLIENT_ADVISOR', // asiakasopastaja
  'SUPERVISOR', // johtava sosiaalityöntekijä
  'AUDITOR', // tietosuojavastaava
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Partner organisations that reach the graph with client-credentials tokens. */
export const PARTNERS = ['KELA', 'EMPLOYMENT_SERVICES'] as const;
export type Partner = (typeof PARTNERS)[number];

const text = z.string().min(1).max(200);

export const userIdentitySchema = z.object({
  kind: z.literal('user'),
  userId: text,
  roles: z.array(z.enum(USER_ROLES)).min(1),
  team: text,
  organisation: text,
  /**
   * The person's name as the identity provider states it (OIDC `name` claim), for documents they sign
   * (who decided, on a decision letter). Optional; never logged (the logger redacts `name`), never in events.
   */
  name: text.optional(),
});

export const partnerIdentitySchema = z.object({
  kind: z.literal('partner'),
  partner: z.enum(PARTNERS),
  /** The OAuth client the partner authenticated as. */
  clientId: text,
  organisation: text,
});

export const identitySchema = z.discriminatedUnion('kind', [userIdentitySchema, partnerIdentitySchema]);

/** Who is calling: a worker of the county, or a partner agency. Every resolver gets one, verified. */
export type Identity = z.infer<typeof identitySchema>;
export type UserIdentity = z.infer<typeof userIdentitySchema>;
export type PartnerIdentity = z.infer<typeof partnerIdentitySchema>;

export function hasRole(identity: Identity, ...roles: UserRole[]): boolean {
  return identity.kind === 'user' && identity.roles.some((role) => roles.includes(role));
}

/** The caller as request logs and metrics show it: its kind and id (a user id, or partner:client id), nothing personal. */
export function callerOf(identity: Identity | undefined): { kind: string; id: string } | undefined {
  if (!identity) return undefined;
  return identity.kind === 'user' ? { kind: 'user', id: identity.userId } : { kind: 'partner', id: `${identity.partner}:${identity.clientId}` };
}
