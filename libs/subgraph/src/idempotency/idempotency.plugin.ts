import { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse, HeaderMap } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppLogger, conflict, DomainError, loadConfig } from '@asw/platform';
import type { GraphContext } from '../graph-context';
import { runPeriodically } from '../periodic-job';
import { callerOf, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, requestHashOf, scopeOf } from './idempotency.rules';

export const idempotencyConfigSchema = z.object({
  /** How long a key and its answer are kept: a retry later than this acts again. */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().default(24),
  /** How long a retry waits for the first request with its key to finish before it is refused (CONFLICT). */
  IDEMPOTENCY_KEY_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
  IDEMPOTENCY_PRUNE_INTERVAL_MINUTES: z.coerce.number().positive().default(60),
});
export type IdempotencyConfig = z.infer<typeof idempotencyConfigSchema>;

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
interface Reservation {
  caller: string;
  key: string;
  scope: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes keys whose period ended; returns how many. */
export async function pruneIdempotencyKeys(db: Pick<DataSource, 'query'>): Promise<number> {
  const [, count] = await db.query(`DELETE FROM idempotency_key WHERE expires_at < now()`);
  return Number(count ?? 0);
}

/**
 * Makes every mutation that carries an `Idempotency-Key` header safe to retry after a lost answer
 * (in every subgraph, for every create mutation, with no code in the resolvers). The first request
 * with a key (per caller, and per set of mutation fields) reserves it with a hash of its input; when
 * it succeeds its answer is stored with it. A retry with the same key and the same input gets that
 * answer and acts no second time (one arriving while the first still runs waits for it); with other
 * input it is a CONFLICT (IDEMPOTENCY_KEY_REUSED). A request that failed lets go of its key, so the
 * retry acts. Keys are kept IDEMPOTENCY_KEY_TTL_HOURS, then pruned.
 */
export function idempotencyPlugin(dataSource: DataSource, logger: AppLogger, formatError: Formatter, config: IdempotencyConfig = loadConfig(idempotencyConfigSchema)): ApolloServerPlugin<GraphContext> {
  const ttlSeconds = Math.round(config.IDEMPOTENCY_KEY_TTL_HOURS * 3600);
  const refusal = (error: DomainError): GraphQLResponse => ({
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [formatError(new GraphQLError(error.message, { originalError: error }).toJSON(), error)] } },
  });

  async function reserve(held: Reservation, requestHash: string): Promise<GraphQLResponse | null> {
    const deadline = Date.now() + config.IDEMPOTENCY_KEY_WAIT_MS;
    for (;;) {
      // An expired key counts as never used.
      await dataSource.query(`DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND scope = $3 AND expires_at < now()`, [held.caller, held.key, held.scope]);
      const inserted: unknown[] = await dataSource.query(
        `INSERT INTO idempotency_key (caller, key, scope, request_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT DO NOTHING RETURNING 1`,
        [held.caller, held.key, held.scope, requestHash, ttlSeconds],
      );
      if (inserted.length === 1) return null;
      const [row] = await dataSource.query(`SELECT request_hash, response, completed_at FROM idempotency_key WHERE caller = $1 AND key = $2 AND scope = $3`, [held.caller, held.key, held.scope]);
      if (!row) continue; // pruned or released in between: try to reserve again
      if (row.request_hash !== requestHash) {
        return refusal(conflict('This Idempotency-Key was already used with different input.', { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'header.Idempotency-Key' }));
      }
      if (row.completed_at) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: row.response } } };
      if (Date.now() > deadline) {
        return refusal(conflict('A request with this Idempotency-Key is still running; try again shortly.', { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', field: 'header.Idempotency-Key' }));
      }
      await sleep(100);
    }
  }

  return {
    async serverWillStart() {
      if (!dataSource.isInitialized) return; // schema mode: no database
      const stop = runPeriodically('prune idempotency keys', () => pruneIdempotencyKeys(dataSource), logger, config.IDEMPOTENCY_PRUNE_INTERVAL_MINUTES * 60_000);
      return { async serverWillStop() { stop(); } };
    },
    async requestDidStart() {
      let held: Reservation | undefined;
      return {
        async responseForOperation(context: GraphQLRequestContext<GraphContext>) {
          const { operation, request, contextValue } = context;
          if (operation?.operation !== 'mutation') return null;
          let key: string | undefined;
          try {
            key = parseIdempotencyKey(request.http?.headers.get(IDEMPOTENCY_KEY_HEADER));
          } catch (error) {
            return refusal(error as DomainError);
          }
          if (!key) return null;
          const reservation = { caller: callerOf(contextValue.identity), key, scope: scopeOf(operation) };
          const answer = await reserve(reservation, requestHashOf(operation, request.variables));
          if (answer === null) held = reservation;
          else logger.info({ correlationId: contextValue.correlationId, scope: reservation.scope, replayed: answer.body.kind === 'single' && !answer.body.singleResult.errors }, 'idempotency key seen before');
          return answer;
        },
        async willSendResponse({ response }) {
          if (!held) return;
          const { caller, key, scope } = held;
          held = undefined;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (result && !result.errors?.length && result.data) {
            await dataSource.query(`UPDATE idempotency_key SET response = $4::jsonb, completed_at = now() WHERE caller = $1 AND key = $2 AND scope = $3`, [caller, key, scope, JSON.stringify(result.data)]);
          } else {
            // It did not act (a refused or failed mutation writes nothing): the retry may.
            await dataSource.query(`DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND scope = $3 AND completed_at IS NULL`, [caller, key, scope]);
          }
        },
      };
    },
  };
}
