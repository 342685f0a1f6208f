/**
 * The demo data `npm start` seeds (and `tests/e2e/readme-examples.e2e-spec.ts` seeds the same way, so the
 * README examples are tested against the graph a newcomer starts).
 */
import { Client } from 'pg';
import type { Identity } from '@asw/auth';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import { postGraphQL } from '../libs/testing/src/graphql-client';

/** Who seeds: the dev social worker, the identity of the token `npm start` prints (and of `npm run token` by default). */
export const DEMO_SOCIAL_WORKER: Identity = { kind: 'user', userId: 'dev-social-worker', roles: ['SOCIAL_WORKER'], team: 'dev-team', organisation: 'dev-county' };

/** A valid henkilötunnus in the temporary range (individual number 900–999), so no real person's code is seeded. */
function demoIdentityCode(ddmmyy: string, centurySign: string, individualNumber: string): string {
  return `${ddmmyy}${centurySign}${individualNumber}${personalIdentityCodeCheckCharacter(ddmmyy, individualNumber)}`;
}

export const DEMO_CLIENTS = [
  { personalIdentityCode: demoIdentityCode('130585', '-', '902'), firstName: 'Aino', lastName: 'Virtanen', municipalityCode: '398', preferredLanguage: 'FI' },
  { personalIdentityCode: demoIdentityCode('020799', '-', '913'), firstName: 'Matti', lastName: 'Korhonen', municipalityCode: '398', preferredLanguage: 'FI' },
  { personalIdentityCode: demoIdentityCode('241103', 'A', '924'), firstName: 'Elina', lastName: 'Nieminen', municipalityCode: '091', preferredLanguage: 'SV' },
];

/**
 * Registers the demo clients once, and opens a case for each one that has none, by the dev social
 * worker: whoever opens a case works on it, so the printed token sees these clients in every service.
 * Returns the first client's id.
 */
export async function seedDemoData(caseDatabaseUrl: string, gatewayUrl: string, token: string): Promise<string | undefined> {
  const request = async (query: string, variables: Record<string, unknown>) => {
    const response = await postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
    if (response.errors) throw new Error(`seeding failed: ${response.errors[0].message}`);
    return response.data;
  };
  const db = new Client({ connectionString: caseDatabaseUrl });
  await db.connect();
  try {
    const clients: string[] = (await db.query(`SELECT id FROM client ORDER BY registered_at`)).rows.map((row) => row.id as string);
    if (clients.length === 0) {
      for (const input of DEMO_CLIENTS) clients.push((await request(`mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }`, { input })).registerClient.id);
    }
    const withCase = new Set((await db.query(`SELECT DISTINCT client_id FROM client_case`)).rows.map((row) => row.client_id as string));
    for (const clientId of clients.filter((id) => !withCase.has(id))) {
      await request(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { clientId, initiationChannel: 'APPLICATION' } });
    }
    return clients[0];
  } finally {
    await db.end();
  }
}
