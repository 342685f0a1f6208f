import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { AppLogger, DomainError } from '@asw/platform';
import type { GraphContext } from '../graph-context';
import { AccessEntry } from './access-recorder';

const REFUSAL_CODES = new Set(['FORBIDDEN']);

function codeOf(error: GraphQLError): string | undefined {
  const original = error.originalError;
  return original instanceof DomainError ? original.code : (error.extensions?.code as string | undefined);
}

/** The caller's operation name: the gateway names each subgraph fetch `<name>__<subgraph>__<n>`. */
export function callerOperationName(operationName: string | null | undefined): string {
  if (!operationName) return '(anonymous)';
  return /^(.+?)__[a-z_]+__\d+$/.exec(operationName)?.[1] ?? operationName;
}

/** Appends a request's entries in one statement. */
export async function writeAccessLog(db: Pick<DataSource, 'query'>, context: GraphContext, operation: string, entries: AccessEntry[]): Promise<void> {
  const { identity } = context;
  const actor =
    identity.kind === 'user'
      ? { log: 'ACCESS', actor_kind: 'user', actor_id: identity.userId, actor_roles: identity.roles, organisation: identity.organisation }
      : { log: 'DISCLOSURE', actor_kind: 'partner', actor_id: identity.clientId, actor_roles: [identity.partner], organisation: identity.organisation };
  const rows = entries.map((entry) => ({ ...actor, correlation_id: context.correlationId, operation, client_id: entry.clientId, action: entry.action, categories: entry.categories, basis: entry.basis, outcome: entry.outcome }));
  await db.query(
    `INSERT INTO access_log (log, correlation_id, actor_kind, actor_id, actor_roles, organisation, client_id, operation, action, categories, basis, outcome)
     SELECT log, correlation_id, actor_kind, actor_id, actor_roles, organisation, client_id, operation, action, categories, basis, outcome
     FROM jsonb_to_recordset($1::jsonb) AS entry(log text, correlation_id uuid, actor_kind text, actor_id text, actor_roles text[], organisation text,
                                                 client_id uuid, operation text, action text, categories text[], basis text, outcome text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Writes what each request recorded (AccessRecorder) to the service's access log as the response
 * leaves, including refusals. Writing the log is part of the request: if it cannot be written, the
 * response carries no data, only ACCESS_LOG_UNAVAILABLE.
 */
export function accessLogPlugin(dataSource: DataSource, service: string, logger: AppLogger): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operation }) {
          const refusals = errors.filter((error) => REFUSAL_CODES.has(codeOf(error) ?? ''));
          const recorded = contextValue.access.entries.some((entry) => entry.outcome === 'REFUSED');
          if (refusals.length === 0 || recorded) return;
          const action = operation?.operation === 'mutation' ? 'CHANGE' : 'READ';
          for (const error of refusals) contextValue.access.refused(null, action, error.message);
        },
        async willSendResponse({ contextValue, response, operationName }) {
          const entries = contextValue.access?.entries ?? [];
          if (entries.length === 0) return;
          try {
            await writeAccessLog(dataSource, contextValue, callerOperationName(operationName), entries);
          } catch (error) {
            logger.error({ err: error instanceof Error ? error.message : String(error), correlationId: contextValue.correlationId, entries: entries.length }, 'access log could not be written; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [{ message: 'The access could not be recorded, so no data is returned', extensions: { code: 'ACCESS_LOG_UNAVAILABLE' } }],
              };
            }
          }
        },
      };
    },
  };
}
