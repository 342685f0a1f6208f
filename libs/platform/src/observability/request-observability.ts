import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import type { AppLogger } from '../logging/logger';
import { correlationIdOf } from '../ids/uuid';
import { isClientErrorCode } from '../errors/format-error';
import type { AppMetrics, RequestOutcome } from './metrics';
import { RequestScope, requestScope, runInRequestScope, traceIdOf } from './request-scope';

/** Header that carries one request's correlation id through the gateway, subgraphs and events; every response returns it. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** The W3C trace context header. */
export const TRACEPARENT_HEADER = 'traceparent';

/** Probes and scrapes: no request line, no request metrics. */
const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;
const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0];

/** What a request ended as, from its error codes and HTTP status. */
export function outcomeOf(errorCodes: string[], status: number): RequestOutcome {
  if (status >= 500 || errorCodes.some((code) => !isClientErrorCode(code))) return 'server_error';
  if (status >= 400 || errorCodes.length > 0) return 'client_error';
  return 'ok';
}

/**
 * The one request line of an app, as pino-http writes it when the response finished: method, path
 * (never the query string: GET GraphQL requests carry variables there), status, operation name,
 * outcome, duration, caller kind and id, and the caller's trace id; pino-http adds the correlation id. No headers, no
 * variables, no bodies: nothing personal and no token.
 */
function requestLine(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  const scope = (req as IncomingMessage & { aswScope?: RequestScope }).aswScope;
  return {
    method: req.method,
    // Express rewrites req.url for mounted routers; originalUrl is what the caller asked for.
    path: pathOf((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url),
    status: res.statusCode,
    operationName: scope?.operationName ?? null,
    outcome: outcomeOf(scope?.errorCodes ?? [], res.statusCode),
    errorCodes: scope?.errorCodes.length ? [...new Set(scope.errorCodes)] : undefined,
    refusal: scope?.refusal,
    durationMs: responseTime,
    callerKind: scope?.caller?.kind ?? null,
    callerId: scope?.caller?.id ?? null,
    // correlationId: bound once by pino-http (its request id, customAttributeKeys.reqId), not repeated here.
    traceId: scope?.traceId,
  };
}

/**
 * Express middleware every app installs first: gives the request its correlation id (the caller's
 * UUID, else a new one; returned in the `x-correlation-id` response header and passed on to
 * subgraphs), reads the caller's W3C `traceparent`, opens the request scope the GraphQL plugin fills
 * in, and when the response is finished writes the request's one log line (pino-http, through the
 * app's own logger) and its metrics.
 */
export function requestObservability(options: { logger: AppLogger; metrics: AppMetrics }) {
  const { logger, metrics } = options;
  const http = pinoHttp({
    logger,
    genReqId: (req) => (req as IncomingMessage & { aswScope?: RequestScope }).aswScope?.correlationId ?? correlationIdOf(undefined),
    autoLogging: { ignore: (req) => QUIET_PATHS.test(pathOf(req.url)) },
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request finished',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: { responseTime: number }) => requestLine(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => requestLine(req, res, value.responseTime),
  });
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const correlationId = correlationIdOf(req.headers[CORRELATION_ID_HEADER]);
    // Later readers of the header (the GraphQL context) see the same id.
    req.headers[CORRELATION_ID_HEADER] = correlationId;
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    const scope: RequestScope = { correlationId, traceId: traceIdOf(req.headers[TRACEPARENT_HEADER]), errorCodes: [] };
    (req as IncomingMessage & { aswScope?: RequestScope }).aswScope = scope;
    const path = pathOf(req.url);
    if (!QUIET_PATHS.test(path) && path.endsWith('/graphql')) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.observeRequest({ operationName: scope.operationName, outcome: outcomeOf(scope.errorCodes, res.statusCode), seconds, errorCodes: scope.errorCodes, refusal: scope.refusal });
      });
    }
    runInRequestScope(scope, () => http(req, res, next));
  };
}

/** The scope of a request, from the request itself (reliable wherever the request is at hand) or the async context. */
export function scopeOf(req?: unknown): RequestScope | undefined {
  return (req as { aswScope?: RequestScope } | undefined)?.aswScope ?? requestScope();
}
