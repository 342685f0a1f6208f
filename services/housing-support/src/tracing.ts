// First import of main.ts: OpenTelemetry must patch http, express, graphql, pg and kafkajs before they load.
import { startTracing } from '@asw/platform/tracing';

startTracing('housing-support');
