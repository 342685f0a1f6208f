import { badInput, isUuid } from '@asw/platform';

/** An `ID!` argument that names a row: refused as BAD_USER_INPUT unless it is a UUID (the value is not echoed). */
export function parseId(value: unknown, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} must be a UUID`, { field });
  return value.toLowerCase();
}
