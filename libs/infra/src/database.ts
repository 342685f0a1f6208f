import { Client } from 'pg';

const DATABASE_NAME = /^[a-z_][a-z0-9_]*$/;
// PostgreSQL silently truncates longer identifiers, which would make the created name differ from the URL's.
const MAX_IDENTIFIER_LENGTH = 63;

/** The same server and credentials as `serverUrl`, another database (query parameters such as sslmode kept). */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The URL without its password, for log lines and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

export function assertDatabaseName(database: string): void {
  if (!DATABASE_NAME.test(database) || database.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`invalid database name ${JSON.stringify(database)}: use ${DATABASE_NAME} and at most ${MAX_IDENTIFIER_LENGTH} characters`);
  }
}

// Concurrent CREATE DATABASE of one name: the loser gets duplicate_database, or unique_violation when both
// passed the catalog check at the same moment. Either way the database exists, which is all we want.
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/** Creates `database` on the server at `serverUrl` unless it exists. Safe to call concurrently. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  assertDatabaseName(database);
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    if (!ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}
