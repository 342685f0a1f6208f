import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, ensureDatabase } from '@asw/infra';

function serverUrl(): string {
  const value = process.env.TEST_DATABASE_SERVER_URL;
  if (!value) throw new Error('TEST_DATABASE_SERVER_URL is not set: run through the jest integration project');
  return value;
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the provisioned PostgreSQL', () => {
  const created: string[] = [];
  // The server may be a shared one (DATABASE_URL): leave nothing behind.
  afterAll(async () => {
    for (const name of created) await query(serverUrl(), `DROP DATABASE IF EXISTS "${name}"`);
  });

  it('answers on an admin-capable connection to the postgres database', async () => {
    const [row] = await query<{ db: string; version: string; can_create: boolean }>(
      serverUrl(),
      `SELECT current_database() AS db, current_setting('server_version') AS version,
              (SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user) AS can_create`,
    );
    expect(row.db).toBe('postgres');
    expect(row.can_create).toBe(true);
    expect(Number.parseInt(row.version, 10)).toBeGreaterThanOrEqual(15);
  });

  it('ensureDatabase creates a database once, even when called five times at once, and again is a no-op', async () => {
    const name = `asw_test_infra_${randomBytes(4).toString('hex')}`;
    created.push(name);
    await Promise.all(Array.from({ length: 5 }, () => ensureDatabase(serverUrl(), name)));
    await ensureDatabase(serverUrl(), name);

    const rows = await query(serverUrl(), 'SELECT datname FROM pg_database WHERE datname = $1', [name]);
    expect(rows).toHaveLength(1);
    const [inside] = await query<{ db: string }>(databaseUrl(serverUrl(), name), 'SELECT current_database() AS db');
    expect(inside.db).toBe(name);
  });

  it('ensureDatabase refuses names that would need quoting tricks', async () => {
    await expect(ensureDatabase(serverUrl(), 'Robert"; DROP DATABASE postgres; --')).rejects.toThrow('invalid database name');
  });
});
