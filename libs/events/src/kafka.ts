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
  // Producers use kafkajs' default partitioner (murmur2, as Java clients): same key, same partition.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    // Fail fast and let the components retry on their own schedule (relay backoff, consumer restart):
    // kafkajs' defaults (eight retries up to 30 s apart, 30 s requests) hid a 30 s outage entirely
    // and delayed publishing by 20–30 s after the broker was back.
    connectionTimeout: 1000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 5 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[levels[level] ?? 'info']({ component: 'kafkajs', broker: extra.broker, error: extra.error }, message);
      },
    ...overrides,
  });
}

/**
 * Creates the topics if missing and waits until every partition has a leader. Production clusters
 * should not rely on broker auto-creation. Services starting together create the same topics at the
 * same moment, so a broker's "already exists" or "not hosted yet" answer is retried, not fatal.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3, timeoutMs = 60_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((topic) => !existing.has(topic));
        if (missing.length > 0) {
          await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
        }
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const leaderless = metadata.filter((topic) => topic.partitions.some((partition) => partition.leader < 0));
        if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
