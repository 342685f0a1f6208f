import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { postGraphQL } from '@asw/testing';
import type { Identity } from '@asw/auth';

/** A valid henkilötunnus for a date of birth (YYYY-MM-DD) and individual number 2–899. */
export function personalIdentityCode(dateOfBirth: string, individual: number): string {
  const [year, month, day] = dateOfBirth.split('-');
  const sign = year.startsWith('18') ? '+' : year.startsWith('19') ? '-' : 'A';
  const dateDigits = `${day}${month}${year.slice(2)}`;
  const number = String(individual).padStart(3, '0');
  return `${dateDigits}${sign}${number}${personalIdentityCodeCheckCharacter(dateDigits, number)}`;
}

let individual = 100;
/** A fresh, valid code per call (unique within a test run), born on `dateOfBirth`. */
export const nextCode = (dateOfBirth = '1985-04-12') => personalIdentityCode(dateOfBirth, (individual = individual >= 899 ? 2 : individual + 1));

export const REGISTER = `mutation($input: RegisterClientInput!) {
  registerClient(input: $input) { id firstName lastName dateOfBirth age municipalityCode preferredLanguage registeredAt }
}`;

export const registration = (overrides: Record<string, unknown> = {}) => ({
  personalIdentityCode: nextCode(),
  firstName: 'Aino',
  lastName: 'Virtanen',
  municipalityCode: '398',
  preferredLanguage: 'FI',
  ...overrides,
});

export const SUPERVISOR: Identity = { kind: 'user', userId: 'supervisor-1', roles: ['SUPERVISOR'], team: 'team-test', organisation: 'test-county' };
export const INSTRUCTOR: Identity = { kind: 'user', userId: 'instructor-1', roles: ['SOCIAL_INSTRUCTOR'], team: 'team-test', organisation: 'test-county' };
export const AUDITOR: Identity = { kind: 'user', userId: 'auditor-1', roles: ['AUDITOR'], team: 'team-test', organisation: 'test-county' };
export const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-test', organisation: 'Kela' };

/** Posts and fails the test on any GraphQL error, returning the data. */
export async function ok<D = any>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<D> {
  const response = await postGraphQL<D>(url, query, variables, headers);
  if (response.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as D;
}

export const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;

/**
 * Gives the caller a client relationship the way workers get one: they open a case for the client
 * (intake) and so work on it. Returns the case id.
 */
export async function openCaseFor(url: string, clientId: string, headers: Record<string, string>, input: Record<string, unknown> = {}): Promise<string> {
  return (await ok(url, OPEN_CASE, { input: { clientId, initiationChannel: 'PHONE', ...input } }, headers)).openCase.id;
}

/** A registered client the caller works with (an open case they opened). */
export async function clientWithCase(
  url: string,
  headers: Record<string, string>,
  overrides: Record<string, unknown> = {},
  caseInput: Record<string, unknown> = {},
): Promise<{ clientId: string; caseId: string }> {
  const clientId = (await ok(url, REGISTER, { input: registration(overrides) }, headers)).registerClient.id as string;
  return { clientId, caseId: await openCaseFor(url, clientId, headers, caseInput) };
}
