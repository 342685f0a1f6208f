// First import of main.ts: OpenTelemetry must patch http, express and graphql before they load.
import { startTracing } from '@asw/platform/tracing';

startTracing('gateway');
