import { databaseUrl } from './database';
import { kafkaImageEnvironment, kafkaNodeSettings } from './kafka-config';
import { waitForKafka } from './kafka-ready';
import { freePort } from './net';
import type { ProvidedKafka, ProvidedPostgres } from './types';

// Loaded only on this path: testcontainers is large, and most runs here never need it.
export const POSTGRES_IMAGE = 'postgres:17-alpine';
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';

export async function startPostgresContainer(): Promise<ProvidedPostgres> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(POSTGRES_IMAGE).start();
  return {
    serverUrl: databaseUrl(container.getConnectionUri(), 'postgres'),
    source: `testcontainers ${POSTGRES_IMAGE} on ${container.getHost()}:${container.getPort()}`,
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * apache/kafka in KRaft with the same settings as the local broker. @testcontainers/kafka's KafkaContainer
 * drives Confluent images only (it runs /etc/confluent/docker/run), so this is a GenericContainer. The broker
 * must advertise the address clients reach, known before start only when the host port is fixed: a free one.
 */
export async function startKafkaContainer(): Promise<ProvidedKafka> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const port = await freePort();
  const settings = kafkaNodeSettings({ port, controllerPort: 9093, logDir: '/tmp/kraft-combined-logs', listenHost: '0.0.0.0', advertisedHost: host });
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withEnvironment(kafkaImageEnvironment(settings))
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  const brokers = [`${host}:${port}`];
  try {
    await waitForKafka(brokers, { timeoutMs: 60_000 });
  } catch (error) {
    await container.stop();
    throw error;
  }
  return {
    brokers,
    source: `testcontainers ${KAFKA_IMAGE} on ${brokers[0]}`,
    stop: async () => {
      await container.stop();
    },
  };
}
