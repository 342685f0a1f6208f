import type { ApolloServerPlugin } from '@apollo/server';
import { requestScope } from './request-scope';

/** The caller as the request line shows it: kind and id (a user id or a partner's client id), nothing personal. */
export type CallerOf<Context> = (context: Context) => { kind: string; id: string } | undefined;

/**
 * Fills in the request scope from Apollo Server: the operation's name, the caller, and the error
 * codes of the response (also of a request refused while its context was built). The request line
 * and metrics read them when the response is finished (requestObservability).
 */
export function graphqlObservabilityPlugin<Context extends object>(callerOf: CallerOf<Context>): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      const scope = requestScope();
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (scope) scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
    },
    async requestDidStart({ contextValue, request }) {
      const scope = requestScope();
      if (!scope) return;
      scope.caller = callerOf(contextValue);
      if (request.operationName) scope.operationName = request.operationName;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.name?.value) scope.operationName = operation.name.value;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) scope.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}
