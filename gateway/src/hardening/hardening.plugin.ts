import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { AppLogger, noteRefusal } from '@asw/platform';
import type { GatewayContext } from '../gateway-context';
import { exceededLimit, isIntrospectionOnly, measureOperation, OperationLimits, OperationMeasure } from './operation-limits';
import { operationHash, PartnerOperations } from './partner-operations';

/** Codes of documents Apollo Server refuses before they run. */
const UNRUNNABLE = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

type RefusalCode = 'FORBIDDEN' | 'OPERATION_LIMIT_EXCEEDED' | 'OPERATION_RESOLUTION_FAILURE' | 'BAD_USER_INPUT';

function refusal(message: string, code: RefusalCode, status: number, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, details: { reason }, http: { status } } });
}

/** The stable reason of the first limit a measure breaks (the order exceededLimit checks them in). */
function limitReason(measure: OperationMeasure, limits: OperationLimits): string {
  if (measure.depth > limits.maxDepth) return 'MAX_DEPTH_EXCEEDED';
  if (measure.aliases > limits.maxAliases) return 'MAX_ALIASES_EXCEEDED';
  if (measure.rootFields > limits.maxRootFields) return 'MAX_ROOT_FIELDS_EXCEEDED';
  return 'MAX_COST_EXCEEDED';
}

/**
 * Checks every operation after validation and before the query planner sees it: a document whose
 * operation cannot be chosen (several without operationName, an unknown operationName) is a 400; a
 * partner may run only its allow-listed documents (sent whole in any layout, or by hash as a persisted
 * operation); and no caller may exceed the depth, alias, root-field and cost limits, measured as the
 * operation will execute. In development the introspection that IDEs and codegen send is exempt from
 * the limits (in production Apollo Server refuses introspection outright). Refusals are logged without personal data.
 */
export function hardeningPlugin(options: { limits: OperationLimits; partnerOperations: PartnerOperations; logger: AppLogger; production: boolean }): ApolloServerPlugin<GatewayContext> {
  const { limits, partnerOperations, logger, production } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      const identity = contextValue.identity;
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      // A partner's persisted operation: the gateway supplies the registered document (automatic
      // persisted queries are off, so nobody can register new documents by sending them). Unknown
      // hashes were refused as PERSISTED_QUERY_NOT_FOUND when the context was built.
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
          noteRefusal('invalid_operation');
          logger.warn({ ...caller, operationName: operationName ?? null, code, introspection }, 'refused: operation does not validate');
        },
        async didResolveOperation({ operation, document, schema, source, request: resolved }) {
          const operationName = operation?.name?.value ?? resolved.operationName ?? null;
          if (!operation) {
            const reason = resolved.operationName ? 'UNKNOWN_OPERATION_NAME' : 'OPERATION_NAME_REQUIRED';
            noteRefusal('invalid_operation');
            logger.warn({ ...caller, operationName, code: 'OPERATION_RESOLUTION_FAILURE', reason }, 'refused: no operation to run');
            throw refusal(
              resolved.operationName
                ? `The document has no operation named "${resolved.operationName}"`
                : 'The document holds several operations: name the one to run in operationName',
              'OPERATION_RESOLUTION_FAILURE',
              400,
              reason,
            );
          }
          if (identity.kind === 'partner' && !partnerOperations.get(identity.partner)?.has(operationHash(source))) {
            noteRefusal('partner_allow_list');
            logger.warn({ ...caller, operationName, code: 'FORBIDDEN' }, 'refused: not an allow-listed partner operation');
            throw refusal(`This operation is not allowed for ${identity.partner}`, 'FORBIDDEN', 403, 'PARTNER_OPERATION_NOT_ALLOWED');
          }
          if (!production && isIntrospectionOnly(operation, document)) return;
          let measure: OperationMeasure;
          try {
            measure = measureOperation(schema, document, operation, resolved.variables ?? {});
          } catch (error) {
            // Variables that do not coerce: execution would refuse them as well, so say so now.
            const message = error instanceof GraphQLError ? error.message : 'The variables do not match the operation';
            noteRefusal('invalid_operation');
            throw refusal(message, 'BAD_USER_INPUT', 400, 'INVALID_VARIABLES');
          }
          const exceeded = exceededLimit(measure, limits);
          if (exceeded) {
            noteRefusal('limits');
            logger.warn({ ...caller, operationName, measure, code: 'OPERATION_LIMIT_EXCEEDED' }, 'refused: operation over the limits');
            throw refusal(exceeded, 'OPERATION_LIMIT_EXCEEDED', 400, limitReason(measure, limits));
          }
        },
      };
    },
  };
}
