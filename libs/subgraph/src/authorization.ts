import type { Identity, Partner, PartnerIdentity, UserIdentity, UserRole } from '@asw/auth';
import { forbidden } from '@asw/platform';

/**
 * Role checks every resolver makes before it touches data: subgraphs check authorization again
 * whatever the gateway did (no subgraph trusts the network). Relationship checks (named worker,
 * co-worker, team supervisor) come on top, per client, where the data is.
 */
export function requireUser(identity: Identity, ...roles: UserRole[]): UserIdentity {
  if (identity.kind !== 'user') throw forbidden('This operation is for the county’s own workers');
  if (roles.length > 0 && !identity.roles.some((role) => roles.includes(role))) {
    throw forbidden(`This operation needs one of the roles ${roles.join(', ')}`);
  }
  return identity;
}

/** Partner operations admit only the named partner (e.g. Kela's intake), nobody else. */
export function requirePartner(identity: Identity, partner: Partner): PartnerIdentity {
  if (identity.kind !== 'partner' || identity.partner !== partner) throw forbidden(`This operation is only for ${partner}`);
  return identity;
}

/** The role a worker acts in when a record counts by role (contacts, statistics): the first worker role they hold. */
export function actingWorkerRole(identity: UserIdentity): UserRole {
  return identity.roles[0];
}

/**
 * Who did a piece of work that statistics count by role (an event's `performedBy`): the worker and
 * the first of `roles` they hold. Call it after `requireUser(identity, ...roles)` admitted them.
 */
export function performedBy<R extends UserRole>(worker: UserIdentity, roles: readonly R[]): { workerId: string; workerRole: R } {
  const workerRole = roles.find((role) => worker.roles.includes(role));
  if (!workerRole) throw forbidden(`This work needs one of the roles ${roles.join(', ')}`);
  return { workerId: worker.userId, workerRole };
}
