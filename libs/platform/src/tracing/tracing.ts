/**
 * OpenTelemetry tracing for every app (the gateway and the four subgraphs), off unless configured.
 *
 * Loaded first by each app's entry (its `tracing.ts`, imported before anything else), because the
 * instrumentations patch http, express, graphql, pg and kafkajs as they are required. This file must
 * therefore import nothing of the application: only OpenTelemetry.
 *
 * Configured only by the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT,
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_EXPORTER,
 * OTEL_TRACES_SAMPLER, OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME…). Only traces: metrics
 * are prom-client's (`/metrics`), logs are pino's (stdout).
 *
 * Never recorded: GraphQL variable values or literal argument values (graphql `allowValues: false`),
 * SQL parameter values (pg `enhancedDatabaseReporting: false`), Kafka message values, query strings of
 * incoming or outgoing URLs, request or response headers and bodies.
 */
import type { IncomingMessage, RequestOptions } from 'node:http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import type { Attributes } from '@opentelemetry/api';

type Env = Record<string, string | undefined>;

/** Tracing is on when an OTLP endpoint or a traces exporter is configured (and not `none`), and the SDK is not disabled. */
export function tracingEnabled(env: Env = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (exporters.includes('none')) return false;
  return exporters.length > 0 || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** Probes and scrapes are not traced: they are many, periodic and say nothing about a request. */
const UNTRACED_PATHS = /^\/(health\/(live|ready)|metrics)(\/|\?|$)/;

/** A path without its query string (which may carry GraphQL variables in a GET request). */
export function withoutQuery(path: string | undefined): string {
  const value = path ?? '/';
  const at = value.search(/[?#]/);
  return at === -1 ? value : value.slice(0, at);
}

function incomingAttributes(request: IncomingMessage): Attributes {
  const path = withoutQuery(request.url);
  const host = request.headers.host ?? 'localhost';
  return { 'http.target': path, 'http.url': `http://${host}${path}`, 'url.path': path, 'url.query': undefined, 'url.full': undefined };
}

function outgoingAttributes(request: RequestOptions): Attributes {
  const path = withoutQuery(request.path ?? '/');
  const host = request.hostname ?? request.host ?? 'localhost';
  const port = request.port ? `:${request.port}` : '';
  return { 'http.target': path, 'url.path': path, 'url.query': undefined, 'url.full': `${request.protocol ?? 'http:'}//${host}${port}${path}`, 'http.url': undefined };
}

export interface Tracing {
  /** Exports what is still buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

let running: Tracing | undefined;

/**
 * Starts tracing for this process when configured (tracingEnabled), else does nothing and returns
 * undefined. `service` names the app (`service.name`, unless OTEL_SERVICE_NAME says otherwise).
 */
export function startTracing(service: string, env: Env = process.env): Tracing | undefined {
  if (running) return running;
  if (!tracingEnabled(env)) return undefined;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || service,
    // Traces only: the span processors and exporter come from OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_*.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
        startIncomingSpanHook: incomingAttributes,
        startOutgoingSpanHook: outgoingAttributes,
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({
        allowValues: false,
        ignoreTrivialResolveSpans: true,
        mergeItems: true,
      }),
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        // Only SQL that belongs to something traced (a request, an event relayed or applied), not every poll.
        requireParentSpan: true,
      }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  const tracing: Tracing = {
    shutdown: async () => {
      running = undefined;
      await sdk.shutdown();
    },
  };
  running = tracing;
  flushOnSignals(tracing);
  return tracing;
}

/** How long a stopping app waits for its last spans to be exported. */
const FLUSH_TIMEOUT_MS = 3000;

/**
 * Exports the spans still buffered when the app is stopped. The app's own SIGTERM/SIGINT handling
 * (Nest's shutdown hooks: close the app, then raise the signal again) goes first: while another
 * handler is registered this one does nothing; when the signal comes with none left, it flushes
 * (at most FLUSH_TIMEOUT_MS) and raises the signal again, which then ends the process as it would have.
 */
function flushOnSignals(tracing: Tracing): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return; // the app is shutting down; it raises the signal again when done
      process.removeListener(signal, onSignal);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS).unref());
      void Promise.race([tracing.shutdown().catch(() => undefined), timeout]).finally(() => process.kill(process.pid, signal));
    };
    process.on(signal, onSignal);
  }
}
