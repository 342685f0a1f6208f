import { badInput } from '@asw/platform';

export const MAX_FACILITATORS = 10;
const MAX_WORKER_ID_LENGTH = 200;

/** Ohjaajat: one to ten workers run a group, each named once. */
export function validateFacilitators(workerIds: readonly string[]): string[] {
  const ids = workerIds.map((id) => (id ?? '').trim());
  if (ids.length === 0) throw badInput('a group needs at least one facilitator', { field: 'facilitatorIds' });
  if (ids.length > MAX_FACILITATORS) throw badInput(`a group has at most ${MAX_FACILITATORS} facilitators`, { field: 'facilitatorIds' });
  ids.forEach((id, index) => {
    if (id.length === 0 || id.length > MAX_WORKER_ID_LENGTH) throw badInput('a facilitator must be named by a worker id', { field: 'facilitatorIds', index });
  });
  if (new Set(ids).size !== ids.length) throw badInput('a facilitator is listed twice', { field: 'facilitatorIds' });
  return ids;
}
