import { isLocalDate, LocalDate } from '@asw/calendar';
import { badInput } from '@asw/platform';

/**
 * Henkilötunnus (Population Information Act 661/2009 11 §, VRK/DVV format): DDMMYY, a century sign,
 * a three-digit individual number and a check character. It is sensitive personal data (Act 703/2023):
 * errors here name the field but never contain the code.
 */
export interface PersonalIdentityCode {
  /** Normalised: trimmed, upper case. */
  code: string;
  dateOfBirth: LocalDate;
  /** Under the current rules the individual number is even for women and odd for men. */
  sex: 'FEMALE' | 'MALE';
  /** Individual numbers 900–999 are temporary or test codes, not issued to real persons by DVV. */
  temporary: boolean;
}

const FIELD = 'personalIdentityCode';
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})(.)$/;

/** Century signs; the A–F and U–Y signs were added on 1.1.2023 beside '-' and 'A'. */
const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

const refuse = (problem: string) => badInput(`${FIELD} ${problem}`, { field: FIELD });

/** The check character for the nine digits DDMMYY + NNN: their value mod 31 indexes the alphabet. */
export function personalIdentityCodeCheckCharacter(dateDigits: string, individualNumber: string): string {
  return CHECK_CHARACTERS[Number(`${dateDigits}${individualNumber}`) % 31];
}

/** Trims and upper-cases; every comparison, hash and encryption uses this form. */
export const normalisePersonalIdentityCode = (input: string): string => input.trim().toUpperCase();

/** Parses and validates a henkilötunnus; refuses with BAD_USER_INPUT and a message free of the code. */
export function parsePersonalIdentityCode(input: unknown): PersonalIdentityCode {
  if (typeof input !== 'string') throw refuse('must be a string');
  const code = normalisePersonalIdentityCode(input);
  const match = SHAPE.exec(code);
  if (!match) throw refuse('must be 11 characters: date of birth DDMMYY, a century sign, a 3-digit individual number and a check character');
  const [, dd, mm, yy, sign, individualNumber, check] = match;
  const century = CENTURY_BY_SIGN[sign];
  if (century === undefined) throw refuse('has an invalid century sign');
  const dateOfBirth = `${century + Number(yy)}-${mm}-${dd}`;
  if (!isLocalDate(dateOfBirth)) throw refuse('has a date of birth that does not exist');
  const individual = Number(individualNumber);
  // 000 and 001 are never issued.
  if (individual < 2) throw refuse('has an invalid individual number');
  if (check !== personalIdentityCodeCheckCharacter(`${dd}${mm}${yy}`, individualNumber)) throw refuse('has an invalid check character');
  return {
    code,
    dateOfBirth,
    sex: individual % 2 === 0 ? 'FEMALE' : 'MALE',
    temporary: individual >= 900,
  };
}

/** True if `input` is a valid henkilötunnus (after trimming and upper-casing). */
export function isValidPersonalIdentityCode(input: unknown): boolean {
  try {
    parsePersonalIdentityCode(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * For display where the date of birth is enough to tell people apart: `131052-****`. Never throws and
 * never reveals more than that: anything not shaped like a henkilötunnus is masked entirely.
 */
export function maskPersonalIdentityCode(input: string): string {
  const code = typeof input === 'string' ? normalisePersonalIdentityCode(input) : '';
  return /^\d{6}[-+A-FU-Y][0-9A-Z]{4}$/.test(code) ? `${code.slice(0, 7)}****` : '***********';
}

/**
 * Case-insensitive: parsePersonalIdentityCode accepts `131052-308t` (it upper-cases), so a code written
 * in lower case is just as much a code in a log line.
 */
const CANDIDATE = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])/gi;

/** Every valid henkilötunnus written in `text`, in any letter case: for sweeps of logs and messages, where none may appear. */
export function findPersonalIdentityCodes(text: string): string[] {
  return [...text.matchAll(CANDIDATE)].map((match) => match[0]).filter(isValidPersonalIdentityCode);
}
