import { createHash } from 'node:crypto';
import { OperationDefinitionNode, print } from 'graphql';
import { IDEMPOTENCY_KEY_HEADER, Identity } from '@asw/auth';
import { badInput } from '@asw/platform';

export { IDEMPOTENCY_KEY_HEADER };

/** Printable ASCII without spaces, as clients generate them (a UUID, a ULID, a client's own id). */
const KEY_PATTERN = /^[A-Za-z0-9._:~+/=-]{8,200}$/;

/** The key as sent, checked: 8–200 visible ASCII characters. */
export function parseIdempotencyKey(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const key = value.trim();
  if (!KEY_PATTERN.test(key)) {
    throw badInput('The Idempotency-Key header must be 8 to 200 letters, digits or ._:~+/=- characters.', {
      reason: 'IDEMPOTENCY_KEY_INVALID',
      field: 'header.Idempotency-Key',
    });
  }
  return key;
}

/** Keys are the caller's own: two workers (or a worker and a partner) never share one. */
export function callerOf(identity: Identity): string {
  return identity.kind === 'user' ? `user:${identity.organisation}:${identity.userId}` : `partner:${identity.partner}:${identity.clientId}`;
}

/** The mutation fields one subgraph request runs: a key is remembered per set of them. */
export function scopeOf(operation: OperationDefinitionNode): string {
  const fields = operation.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? selection.name.value : '…'));
  return [...new Set(fields)].sort().join(',');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What "the same input" means: the operation as printed (literals included) and its variables, key order ignored. */
export function requestHashOf(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256')
    .update(print(operation))
    .update('\0')
    .update(JSON.stringify(canonical(variables ?? {})))
    .digest('hex');
}
