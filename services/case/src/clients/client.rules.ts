import { badInput, isUuid } from '@asw/platform';
import { isValidPersonalIdentityCode, parsePersonalIdentityCode, PersonalIdentityCode } from '@asw/personal-identity-code';

export interface ClientNames {
  firstName: string;
  lastName: string;
}

/** Asiointikieli: the language the client is served in (kielilaki 423/2003: Finnish or Swedish; English on request). */
export enum PreferredLanguage {
  FI = 'FI',
  SV = 'SV',
  EN = 'EN',
}

const MAX_NAME_LENGTH = 100;
// Letters (any script), combining marks, spaces, hyphens and apostrophes: Finnish, Swedish and Sámi names fit.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
/** Kuntanumero (Statistics Finland): three digits, e.g. 091 Helsinki, 398 Lahti. */
const MUNICIPALITY_CODE = /^\d{3}$/;

const normaliseName = (value: string): string => (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

function name(field: keyof ClientNames, value: string): string {
  const trimmed = normaliseName(value);
  if (trimmed.length === 0) throw badInput(`${field} must not be empty`, { field });
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput(`${field} must be at most ${MAX_NAME_LENGTH} characters`, { field });
  if (!NAME_PATTERN.test(trimmed)) throw badInput(`${field} may contain only letters, spaces, hyphens and apostrophes`, { field });
  return trimmed;
}

/** The names a client is registered with, normalised; refuses empty, overlong or non-name input. */
export function validateClientNames(input: ClientNames): ClientNames {
  return { firstName: name('firstName', input.firstName), lastName: name('lastName', input.lastName) };
}

export interface ClientDetails extends ClientNames {
  municipalityCode: string;
  preferredLanguage: PreferredLanguage;
}

/** Names, home municipality and language, validated and normalised. */
export function validateClientDetails(input: ClientDetails): ClientDetails {
  const names = validateClientNames(input);
  const municipalityCode = (input.municipalityCode ?? '').trim();
  if (!MUNICIPALITY_CODE.test(municipalityCode)) throw badInput('municipalityCode must be the three-digit municipality code (kuntanumero)', { field: 'municipalityCode' });
  if (!Object.values(PreferredLanguage).includes(input.preferredLanguage)) throw badInput('preferredLanguage must be FI, SV or EN', { field: 'preferredLanguage' });
  return { ...names, municipalityCode, preferredLanguage: input.preferredLanguage };
}

export interface ClientRegistrationInput extends ClientDetails {
  personalIdentityCode: string;
}

export interface ClientRegistration {
  details: ClientDetails;
  /** Validated and normalised; only ever stored encrypted. */
  personalIdentityCode: PersonalIdentityCode;
}

/** Validates a registration: names, henkilötunnus (format, date, century sign incl. 2023's, check character), municipality, language. */
export function validateClientRegistration(input: ClientRegistrationInput): ClientRegistration {
  const details = validateClientDetails(input);
  return { details, personalIdentityCode: parsePersonalIdentityCode(input.personalIdentityCode) };
}

/** The search key of a name: lower-cased the Finnish way, so "Äijälä" is found by "äij". */
export const nameKey = (name: string): string => normaliseName(name).toLocaleLowerCase('fi-FI');

/** What a client search asks for: one person by exact identity code, or names by prefix. */
export type ClientSearch = { kind: 'personalIdentityCode'; code: string } | { kind: 'namePrefix'; terms: string[] };

const MIN_PREFIX = 2;
const MAX_SEARCH = 200;

/**
 * A valid henkilötunnus searches exactly (by its lookup hash); anything else must be name prefixes
 * (each word a prefix of the first or last name, case-insensitive). The search text is never echoed.
 */
export function parseClientSearch(search: string): ClientSearch {
  const text = normaliseName(search);
  if (isValidPersonalIdentityCode(text)) return { kind: 'personalIdentityCode', code: parsePersonalIdentityCode(text).code };
  if (text.length < MIN_PREFIX || text.length > MAX_SEARCH || !NAME_PATTERN.test(text)) {
    throw badInput(`search must be a valid personal identity code or a name prefix of ${MIN_PREFIX}–${MAX_SEARCH} letters`, { field: 'search' });
  }
  return { kind: 'namePrefix', terms: nameKey(text).split(' ') };
}

/** Where a page of clients (ordered by last name, first name, id) continues. */
export interface ClientPosition {
  lastName: string;
  firstName: string;
  id: string;
}

/** Opaque to clients (base64url of JSON), like the timeline's cursors. */
export function encodeClientCursor({ lastName, firstName, id }: ClientPosition): string {
  return Buffer.from(JSON.stringify([lastName, firstName, id]), 'utf8').toString('base64url');
}

export function decodeClientCursor(cursor: string): ClientPosition {
  const refuse = () => badInput('The cursor is not valid; use a cursor from an earlier page', { field: 'after' });
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string') || !isUuid(parsed[2])) throw refuse();
  return { lastName: parsed[0], firstName: parsed[1], id: parsed[2] };
}
