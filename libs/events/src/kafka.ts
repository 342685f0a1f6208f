import { Kafka, KafkaConfig, logLevel, LogEntry } from 'kafkajs';
import type { AppLogger } from '@asw/platform';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * One kafkajs client per process, logging through the structured logger (kafkajs logs no payloads).
 * `overrides` is for tests (e.g. a socket factory that simulates a network outage).
 */
export function createKafka(clientId: string, brokers: string[], logger: AppLogger, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[levels[level] ?? 'info']({ component: 'kafkajs', broker: extra.broker, error: extra.error }, message);
      },
    ...overrides,
  });
}

/** Creates the topics if missing. Production clusters should not rely on broker auto-creation. */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
    }
  } finally {
    await admin.disconnect();
  }
}
