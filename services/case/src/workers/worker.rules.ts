import { badInput } from '@asw/platform';
import { assertEnumValue, requiredText, WorkerRole } from '../domain';

export interface WorkerInput {
  userId: string;
  name: string;
  role: WorkerRole;
  team: string;
}

const MAX_TEXT = 200;
const USER_ID = /^[A-Za-z0-9._@-]+$/;

/** A worker: the user id their token carries, a name, one role (DOMAIN.md) and a team. */
export function validateWorker(input: WorkerInput): WorkerInput {
  const userId = requiredText('userId', input.userId, MAX_TEXT);
  if (!USER_ID.test(userId)) throw badInput('userId may contain only letters, digits and . _ @ -', { field: 'userId' });
  return {
    userId,
    name: requiredText('name', input.name, MAX_TEXT),
    role: assertEnumValue('role', WorkerRole, input.role),
    team: requiredText('team', input.team, MAX_TEXT),
  };
}
