import { randomBytes } from 'node:crypto';
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

/** The two login roles of one service database: the owner runs migrations, the service runs as the other. */
export interface ServiceDatabase {
  /** The service's own login role: not a superuser, owns nothing, INSERT+SELECT on access_log. */
  serviceUrl: string;
  /** The owner role (owns the database and its tables): migrations only. */
  migrationUrl: string;
}

const DUPLICATE_ROLE = '42710';

/** Role names of a service database: `<database>_owner` and `<database>_app`. */
export function serviceRoleNames(database: string): { owner: string; service: string } {
  assertDatabaseName(database);
  const base = database.slice(0, MAX_IDENTIFIER_LENGTH - '_owner'.length);
  return { owner: `${base}_owner`, service: `${base}_app` };
}

function withCredentials(serverUrl: string, database: string, user: string, password: string): string {
  const url = new URL(databaseUrl(serverUrl, database));
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Creates (or re-keys) the owner and service login roles of `database` on the server at `adminUrl`
 * (a role that may create roles and databases, e.g. the superuser of a development server), and the
 * database owned by the owner role. Neither role is a superuser or may create roles or databases, so
 * neither can switch off the access log's triggers (`SET session_replication_role`). Passwords are
 * new random ones each call. Safe to call again for an existing database.
 */
export async function ensureServiceDatabase(adminUrl: string, database: string): Promise<ServiceDatabase> {
  const { owner, service } = serviceRoleNames(database);
  const passwords = { [owner]: randomBytes(24).toString('base64url'), [service]: randomBytes(24).toString('base64url') };
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    for (const role of [owner, service]) {
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(passwords[role])}`;
      try {
        await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} ${attributes}`);
      } catch (error) {
        if ((error as { code?: string }).code !== DUPLICATE_ROLE) throw error;
        await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} ${attributes}`);
      }
    }
    // A server where the admin is not a superuser (e.g. a managed service) needs membership to hand a database to the owner.
    await client.query(`GRANT ${client.escapeIdentifier(owner)} TO CURRENT_USER`).catch(() => undefined);
  } finally {
    await client.end();
  }
  await ensureDatabase(adminUrl, database);
  const admin = new Client({ connectionString: databaseUrl(adminUrl, database), connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(database)} OWNER TO ${admin.escapeIdentifier(owner)}`);
    // The schema too (PostgreSQL before 15 gives `public` to the bootstrap superuser and CREATE to everyone).
    await admin.query(`ALTER SCHEMA public OWNER TO ${admin.escapeIdentifier(owner)}`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    // A database that ran before the split (e.g. `npm start`'s persistent development data): its tables
    // and functions go to the owner too, so migrations keep working and grants can be given.
    await admin.query(
      `DO $$ DECLARE item record; BEGIN
         FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> ${admin.escapeLiteral(owner)} LOOP
           EXECUTE format('ALTER %s public.%I OWNER TO %I', CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, item.relname, ${admin.escapeLiteral(owner)});
         END LOOP;
         FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> ${admin.escapeLiteral(owner)} LOOP
           EXECUTE format('ALTER FUNCTION %s OWNER TO %I', item.signature, ${admin.escapeLiteral(owner)});
         END LOOP;
       END $$`,
    );
    await admin.query(`REVOKE ALL ON DATABASE ${admin.escapeIdentifier(database)} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${admin.escapeIdentifier(database)} TO ${admin.escapeIdentifier(service)}`);
  } finally {
    await admin.end();
  }
  return {
    serviceUrl: withCredentials(adminUrl, database, service, passwords[service]),
    migrationUrl: withCredentials(adminUrl, database, owner, passwords[owner]),
  };
}

/**
 * What the owner grants the service role once migrations ran (and again after every migration run,
 * so new tables are covered): read and write its tables, except the access log, where it may only
 * add and read entries. Run as the owner.
 */
export function serviceRoleGrants(serviceRole: string): string[] {
  const role = `"${serviceRole.replace(/"/g, '""')}"`;
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE ALL ON access_log FROM ${role}`,
    `GRANT SELECT, INSERT ON access_log TO ${role}`,
  ];
}
