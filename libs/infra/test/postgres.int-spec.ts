import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, ensureDatabase, ensureServiceDatabase, serviceRoleGrants, serviceRoleNames } from '@asw/infra';

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

  // Issue #13: services run as their own non-superuser role; migrations as the owner role.
  it('ensureServiceDatabase: an owner role and a service role, neither superuser; a database from before the split is handed to the owner', async () => {
    const name = `asw_test_roles_${randomBytes(4).toString('hex')}`;
    created.push(name);
    await ensureDatabase(serverUrl(), name);
    // As before the split: a table and a function the admin created.
    await query(databaseUrl(serverUrl(), name), `CREATE TABLE access_log (id bigserial PRIMARY KEY, note text); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
    const first = await ensureServiceDatabase(serverUrl(), name);
    const again = await ensureServiceDatabase(serverUrl(), name); // idempotent, with new passwords
    const { owner, service } = serviceRoleNames(name);
    expect(new URL(again.migrationUrl).username).toBe(owner);
    expect(new URL(again.serviceUrl).username).toBe(service);
    expect(again.serviceUrl).not.toBe(first.serviceUrl);
    const [tables] = await query<{ table_owner: string; function_owner: string; database_owner: string }>(
      databaseUrl(serverUrl(), name),
      `SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'access_log') AS table_owner,
              (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'f') AS function_owner,
              (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS database_owner`,
    );
    expect(tables).toEqual({ table_owner: owner, function_owner: owner, database_owner: owner });
    const roles = await query<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
      serverUrl(),
      `SELECT rolname, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [[owner, service]],
    );
    expect(roles).toEqual([
      { rolname: service, rolsuper: false, rolcreaterole: false, rolcreatedb: false },
      { rolname: owner, rolsuper: false, rolcreaterole: false, rolcreatedb: false },
    ].sort((a, b) => a.rolname.localeCompare(b.rolname)));
    // The owner grants; the service role then writes the log but cannot change it.
    for (const statement of serviceRoleGrants(service)) await query(again.migrationUrl, statement);
    await query(again.serviceUrl, `INSERT INTO access_log (note) VALUES ('x')`);
    expect(await query(again.serviceUrl, `SELECT note FROM access_log`)).toEqual([{ note: 'x' }]);
    await expect(query(again.serviceUrl, `UPDATE access_log SET note = 'y'`)).rejects.toThrow(/permission denied/);
    await expect(query(again.serviceUrl, `SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(query(again.serviceUrl, `CREATE TABLE t (id int)`)).rejects.toThrow(/permission denied/);
  });
});
