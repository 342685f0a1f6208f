import { Identity, identitySchema } from './identity';

export interface DevelopmentIdentityRequest {
  roles?: string[];
  partner?: string;
  user?: string;
  team?: string;
  org?: string;
}

/**
 * The identity of a local development token (`npm run token`, the IDE's token button): a worker with
 * the given roles in a team, or a partner's client. Development only: production tokens come from the
 * county's identity provider. Returns the problems when the request is not a valid identity.
 */
export function developmentIdentity(request: DevelopmentIdentityRequest): { identity: Identity } | { problems: string[] } {
  const roles = request.roles && request.roles.length > 0 ? request.roles : ['SOCIAL_WORKER'];
  const candidate = request.partner
    ? { kind: 'partner', partner: request.partner, clientId: request.user ?? `dev-${request.partner.toLowerCase()}`, organisation: request.org ?? request.partner }
    : {
        kind: 'user',
        roles,
        userId: request.user ?? `dev-${roles[0].toLowerCase().replace(/_/g, '-')}`,
        team: request.team ?? 'dev-team',
        organisation: request.org ?? 'dev-county',
      };
  const parsed = identitySchema.safeParse(candidate);
  return parsed.success ? { identity: parsed.data } : { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

/** Lifetime of a development token: a working day. */
export const DEVELOPMENT_TOKEN_TTL_SECONDS = 8 * 3600;
