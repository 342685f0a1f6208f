import { randomBytes } from 'node:crypto';
import { databaseUrl, ensureDatabase, ensureServiceDatabase, ServiceDatabase } from '@asw/infra';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's integration project (global setup provisions it)`);
  return value;
}

export function testKafkaBrokers(): string[] {
  return required('TEST_KAFKA_BROKERS').split(',');
}

/** A short random suffix that keeps parallel test files apart on one server and one broker. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * A fresh database for one test file. Refuses any name that does not say it is a test database,
 * so a test can never run its writes against a real one.
 */
export async function createTestDatabase(label: string): Promise<string> {
  const name = `asw_test_${label.replace(/[^a-z0-9]+/g, '_')}_${uniqueSuffix()}`;
  if (!/^asw_test_/.test(name)) throw new Error(`refusing to use ${name}: not a test database`);
  const server = required('TEST_DATABASE_SERVER_URL');
  await ensureDatabase(server, name);
  return databaseUrl(server, name);
}

/**
 * A fresh database for one service under test, with the split production uses: an owner role for
 * migrations and the service's own non-superuser login role (libs/infra ensureServiceDatabase).
 */
export async function createServiceTestDatabase(label: string): Promise<ServiceDatabase & { database: string }> {
  const name = `asw_test_${label.replace(/[^a-z0-9]+/g, '_')}_${uniqueSuffix()}`;
  if (!/^asw_test_/.test(name)) throw new Error(`refusing to use ${name}: not a test database`);
  return { database: name, ...(await ensureServiceDatabase(required('TEST_DATABASE_SERVER_URL'), name)) };
}
