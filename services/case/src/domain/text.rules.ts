import { badInput } from '@asw/platform';

/** Trimmed, NFC-normalised text that must not be empty nor longer than `max` characters. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = (value ?? '').normalize('NFC').trim();
  if (text.length === 0) throw badInput(`${field} is required`, { field });
  if (text.length > max) throw badInput(`${field} must be at most ${max} characters`, { field, max });
  return text;
}

/** Like requiredText, but absent or blank text is allowed and becomes null. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = (value ?? '').normalize('NFC').trim();
  return text.length === 0 ? null : requiredText(field, text, max);
}

/** The value if it is one of the enum's values; a BAD_USER_INPUT naming the field otherwise. */
export function assertEnumValue<E extends string>(field: string, values: Record<string, E>, value: string): E {
  if (!(Object.values(values) as string[]).includes(value)) throw badInput(`${field} has an unknown value ${JSON.stringify(value)}`, { field });
  return value as E;
}
