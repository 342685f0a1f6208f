import type { UserIdentity } from '@asw/auth';

/**
 * The client relationships that open a client's data to a worker (PRODUCT.md "Who may do what"): the
 * named worker (omatyöntekijä, SHL §42) or a co-worker on one of the client's open cases, or the
 * supervisor of the team that holds a case. Strongest first.
 */
export const CLIENT_RELATIONSHIPS = ['NAMED_WORKER', 'CO_WORKER', 'TEAM_SUPERVISOR'] as const;
export type ClientRelationship = (typeof CLIENT_RELATIONSHIPS)[number];

/** Who works on one case: the latest `CaseRelationshipsChanged` snapshot (user ids as tokens carry them). */
export interface CaseRelationships {
  caseId: string;
  clientId: string;
  team: string;
  open: boolean;
  namedWorker: string | null;
  coWorkers: string[];
  changedAt: string;
}

/**
 * The caller's strongest relationship with a client, from the client's cases, or null.
 * - The named worker and the co-workers of an **open** case: closing the case (SHL §34) ends their
 *   access to the client through it.
 * - A SUPERVISOR of the case's team, open or closed: the team lead answers for the team's clients,
 *   also after closing (requests for information, complaints, reopening).
 */
export function relationshipOf(user: UserIdentity, cases: readonly CaseRelationships[]): ClientRelationship | null {
  const held = new Set<ClientRelationship>();
  for (const c of cases) {
    if (c.open && c.namedWorker === user.userId) held.add('NAMED_WORKER');
    if (c.open && c.coWorkers.includes(user.userId)) held.add('CO_WORKER');
    if (user.roles.includes('SUPERVISOR') && c.team === user.team) held.add('TEAM_SUPERVISOR');
  }
  return CLIENT_RELATIONSHIPS.find((relationship) => held.has(relationship)) ?? null;
}

/** How a relationship reads in the access log's `basis`. */
export const relationshipBasis = (relationship: ClientRelationship): string => `relationship:${relationship}`;
