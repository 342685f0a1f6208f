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
  /**
   * Whether working on this case opens the client's other records. False for a case opened on intake
   * by a worker with no relationship to a client who already has cases elsewhere: its workers (and its
   * team's supervisor) reach that case and the client's basic details, nothing else (issue #13 item 1).
   * Old snapshots without the field are client-wide.
   */
  clientWide?: boolean;
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
  return strongest(user, cases.filter((c) => c.clientWide !== false));
}

/**
 * The caller's relationship with one case, whether or not it opens the client's other records: what
 * admits the case itself (its status, assessment, plan, decisions) and the client's basic details.
 */
export function caseRelationshipOf(user: UserIdentity, kase: CaseRelationships): ClientRelationship | null {
  return strongest(user, [kase]);
}

function strongest(user: UserIdentity, cases: readonly CaseRelationships[]): ClientRelationship | null {
  const held = new Set<ClientRelationship>();
  for (const c of cases) {
    if (c.open && c.namedWorker === user.userId) held.add('NAMED_WORKER');
    if (c.open && c.coWorkers.includes(user.userId)) held.add('CO_WORKER');
    if (user.roles.includes('SUPERVISOR') && c.team === user.team) held.add('TEAM_SUPERVISOR');
  }
  return CLIENT_RELATIONSHIPS.find((relationship) => held.has(relationship)) ?? null;
}

/**
 * Whether a case opened now by `opener` works on that case only (issue #13 item 1, SHL §34–35: anyone
 * may take a matter pending, but opening one does not open the client's other records, Act 703/2023
 * §§ 5–6 on access only as the task requires): the client already has cases and the opener has no
 * client-wide relationship with the client.
 */
export function openerIsCaseOnly(opener: UserIdentity, existingCases: readonly CaseRelationships[]): boolean {
  return existingCases.length > 0 && relationshipOf(opener, existingCases) === null;
}

/** How a relationship reads in the access log's `basis`. */
export const relationshipBasis = (relationship: ClientRelationship): string => `relationship:${relationship}`;

/** The basis of a relationship that reaches one case only: `case:<caseId>:CO_WORKER`. */
export const caseBasis = (caseId: string, relationship: ClientRelationship): string => `case:${caseId}:${relationship}`;
