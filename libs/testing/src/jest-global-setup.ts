import { provisionInfrastructure } from '@asw/infra';
import type { Infrastructure } from '@asw/infra';

/**
 * Runs once per integration run, in jest's main process: provisions PostgreSQL and Kafka (DATABASE_URL /
 * KAFKA_BROKERS when set, else Docker, else local processes) and hands them to the test workers through
 * the environment, which jest passes on to them. jest-global-teardown.ts stops them.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await provisionInfrastructure({ purpose: 'test', log: (message) => process.stderr.write(`[infra] ${message}\n`) });
  (globalThis as typeof globalThis & { __aswInfrastructure?: Infrastructure }).__aswInfrastructure = infra;
  process.env.TEST_DATABASE_SERVER_URL = infra.postgres.serverUrl;
  process.env.TEST_KAFKA_BROKERS = infra.kafka.brokers.join(',');
}
