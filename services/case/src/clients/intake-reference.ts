import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { conflict, DomainError } from '@asw/platform';
import type { ClientAccess } from '../access/client-access';

/** The reason a duplicate registration answers with (details.reason). */
export const ALREADY_REGISTERED = 'CLIENT_ALREADY_REGISTERED';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `INT-` and 10 characters without look-alikes (0/O, 1/I): read out over the phone to the intake team. */
export function newIntakeReference(bytes: Buffer = randomBytes(10)): string {
  return `INT-${[...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

/**
 * A registration of a person already registered (issue #13 item 1): a caller who already reaches the
 * client (a relationship, a case they work on, a justified access) is told which client it is; anyone
 * else gets an intake reference the intake team (the supervisor of the caller's team) resolves, so
 * knowing or guessing an identity code reveals no client id. Either way the attempt is in the access log.
 */
export async function duplicateRegistration(db: EntityManager, access: ClientAccess, user: UserIdentity, existingClientId: string): Promise<DomainError> {
  const basis = await access.basisFor(existingClientId, 'case:client');
  if (basis && !basis.startsWith('queue:')) {
    access.refusedRegistration(existingClientId, 'duplicate registration: existing client named');
    return conflict(`A client with this personal identity code is already registered: ${existingClientId}`, { reason: ALREADY_REGISTERED, existingClientId });
  }
  const reference = newIntakeReference();
  await db.query(`INSERT INTO intake_reference (reference, client_id, requested_by, team) VALUES ($1, $2, $3, $4)`, [reference, existingClientId, user.userId, user.team]);
  access.refusedRegistration(existingClientId, `duplicate registration: intake reference ${reference}`);
  return conflict(`This person is already registered. Open a case from the client's record if you work with them, or ask the intake team with reference ${reference}`, {
    reason: ALREADY_REGISTERED,
    intakeReference: reference,
  });
}
