import { badInput } from '@asw/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An `ID!` argument that names a row: refused as BAD_USER_INPUT unless it is a UUID (the value is not echoed). */
export function parseId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badInput(`${field} must be a UUID`, { field });
  return value.toLowerCase();
}
