import { AsyncLocalStorage } from 'node:async_hooks';

/** Why a request was refused, as the refusal metric counts it. */
export type RefusalReason = 'auth' | 'rate_limit' | 'limits' | 'partner_allow_list' | 'invalid_operation' | 'body_too_large' | 'access_policy';

/**
 * What one HTTP request learns about itself on its way through: filled in by the GraphQL plugin and
 * the refusal sites, read once when the response is finished (the request's log line and metrics).
 * Holds no personal data: an operation name, error codes, the caller's kind and id.
 */
export interface RequestScope {
  correlationId: string;
  /** The W3C trace id of the caller's `traceparent`, when it sent a valid one. */
  traceId?: string;
  operationName?: string;
  errorCodes: string[];
  caller?: { kind: string; id: string };
  refusal?: RefusalReason;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

/** The current request's scope; undefined outside a request (e.g. in the event relay). */
export function requestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Notes why the current request is refused (the first reason counts). */
export function noteRefusal(reason: RefusalReason): void {
  const scope = storage.getStore();
  if (scope && !scope.refusal) scope.refusal = reason;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The trace id of a W3C `traceparent` header (version 00), or undefined when it is not one. */
export function traceIdOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return match[1];
}
