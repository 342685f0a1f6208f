import { GraphQLError, Kind, FragmentDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppLogger } from '@asw/platform';
import type { GatewayContext } from '../gateway-context';
import { exceededLimit, measureOperation, OperationLimits } from './operation-limits';
import { operationHash, PartnerOperations } from './partner-operations';

/** Codes of documents Apollo Server refuses before they run. */
const UNRUNNABLE = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

function refusal(message: string, code: 'FORBIDDEN' | 'OPERATION_LIMIT_EXCEEDED', status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * Checks every operation after validation and before the query planner sees it: a partner may run
 * only its allow-listed documents (sent whole, or by hash as a persisted operation), and no caller may
 * exceed the depth, alias, root-field and cost limits. Refusals are logged without personal data.
 */
export function hardeningPlugin(options: { limits: OperationLimits; partnerOperations: PartnerOperations; logger: AppLogger }): ApolloServerPlugin<GatewayContext> {
  const { limits, partnerOperations, logger } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      const identity = contextValue.identity;
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      // A partner's persisted operation: the gateway supplies the registered document (automatic
      // persisted queries are off, so nobody can register new documents by sending them).
      if (identity.kind === 'partner' && request.query === undefined && typeof hash === 'string') {
        const document = partnerOperations.get(identity.partner)?.get(hash);
        if (document !== undefined) {
          request.query = document;
          delete request.extensions!.persistedQuery;
        }
      }
      const caller = identity.kind === 'user' ? { userId: identity.userId } : { partner: identity.partner, clientId: identity.clientId };
      return {
        // Documents that do not parse or validate (introspection in production among them) are refused
        // by Apollo Server itself; the refusal is logged here, without the messages (they can quote input).
        async didEncounterErrors({ errors, operationName }) {
          const code = errors.map((error) => String(error.extensions?.code)).find((candidate) => UNRUNNABLE.has(candidate));
          if (!code) return;
          const introspection = errors.some((error) => error.message.startsWith('GraphQL introspection is not allowed'));
          logger.warn({ ...caller, operationName: operationName ?? null, code, introspection }, 'refused: operation does not validate');
        },
        async didResolveOperation({ operation, document, schema, source, request: resolved }) {
          const operationName = operation?.name?.value ?? null;
          if (identity.kind === 'partner' && !partnerOperations.get(identity.partner)?.has(operationHash(source))) {
            logger.warn({ ...caller, operationName, code: 'FORBIDDEN' }, 'refused: not an allow-listed partner operation');
            throw refusal(`This operation is not allowed for ${identity.partner}`, 'FORBIDDEN', 403);
          }
          if (!operation) return; // Apollo Server answers that itself
          const fragments = Object.fromEntries(
            document.definitions
              .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment]),
          );
          const measure = measureOperation(schema, operation, fragments, resolved.variables ?? {});
          const exceeded = exceededLimit(measure, limits);
          if (exceeded) {
            logger.warn({ ...caller, operationName, measure, code: 'OPERATION_LIMIT_EXCEEDED' }, 'refused: operation over the limits');
            throw refusal(exceeded, 'OPERATION_LIMIT_EXCEEDED', 400);
          }
        },
      };
    },
  };
}
