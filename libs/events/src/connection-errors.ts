import type { DataSource } from 'typeorm';

const handled = new WeakSet<object>();
const ignore = () => undefined;

/**
 * Keeps a broken database connection from crashing the process. node-postgres emits `error` on a
 * pooled client when the server ends the connection (restart, `pg_terminate_backend`, admin
 * shutdown); TypeORM listens only while a query runner holds the client and stops listening as it
 * releases it, so a second error on the dying client (a FATAL message, then the socket's own) has
 * no listener and is thrown as an unhandled 'error' event. The failure itself still reaches the
 * query that was running, and the pool discards the client; this only makes sure every client has
 * a listener for its whole life.
 */
export function keepConnectionErrorsHandled(dataSource: DataSource): void {
  const pool: any = (dataSource.driver as any).master;
  if (!pool || typeof pool.on !== 'function' || handled.has(pool)) return;
  handled.add(pool);
  const guard = (client: any) => {
    if (client && !handled.has(client)) {
      handled.add(client);
      client.on('error', ignore);
    }
  };
  for (const client of pool._clients ?? []) guard(client);
  pool.on('connect', guard);
}
