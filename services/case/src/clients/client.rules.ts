import { badInput } from '@asw/platform';

export interface ClientNames {
  firstName: string;
  lastName: string;
}

const MAX_NAME_LENGTH = 100;
// Letters (any script), combining marks, spaces, hyphens and apostrophes: Finnish, Swedish and Sámi names fit.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

function name(field: keyof ClientNames, value: string): string {
  const trimmed = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw badInput(`${field} must not be empty`, { field });
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput(`${field} must be at most ${MAX_NAME_LENGTH} characters`, { field });
  if (!NAME_PATTERN.test(trimmed)) throw badInput(`${field} may contain only letters, spaces, hyphens and apostrophes`, { field });
  return trimmed;
}

/** The names a client is registered with, normalised; refuses empty, overlong or non-name input. */
export function validateClientNames(input: ClientNames): ClientNames {
  return { firstName: name('firstName', input.firstName), lastName: name('lastName', input.lastName) };
}
