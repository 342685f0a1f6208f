import { Admin, ConfigResourceTypes, Kafka, KafkaConfig, logLevel, LogEntry } from 'kafkajs';
import type { AppLogger } from '@asw/platform';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

// kafkajs' own table of broker error codes (type, message, retriable); not in its typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorCodes } = require('kafkajs/src/protocol/error') as { errorCodes: Array<{ type: string; message: string; retriable: boolean }> };

/** Broker answers that are part of normal operation: topics and the group being set up, leaders moving. */
const EXPECTED_BROKER_ANSWERS = new Set(
  errorCodes
    .filter((code) => code.retriable || ['TOPIC_ALREADY_EXISTS', 'REBALANCE_IN_PROGRESS', 'UNKNOWN_MEMBER_ID', 'MEMBER_ID_REQUIRED'].includes(code.type))
    .map((code) => code.message),
);
// kafkajs' summary when one of several topics in a CreateTopics answer failed (services starting together
// create the same topics: TOPIC_ALREADY_EXISTS). Our only createTopics caller, ensureTopics, retries and
// throws what persists.
EXPECTED_BROKER_ANSWERS.add('Topic creation errors');
/** A consumer re-joining its group: routine whenever members come and go. */
const REJOIN = /^The (coordinator is not aware of this member|group is rebalancing), re-joining/;

/**
 * The level a kafkajs line is logged at. kafkajs logs every broker error answer at error level, also the
 * ones it retries itself while topics and consumer groups are created (7–9 lines on every start): those
 * go to debug, a re-join to info. Everything else keeps kafkajs' level, so a crash, a connection failure
 * or an answer that is not routine still reaches error; and a retried answer that never succeeds ends in
 * an error the caller sees and logs.
 */
export function kafkaLogLevel(level: number, message: string, error: unknown): 'error' | 'warn' | 'info' | 'debug' {
  const mapped = levels[level] ?? 'info';
  if (mapped !== 'error') return mapped;
  if (message.startsWith('Response ') && typeof error === 'string' && EXPECTED_BROKER_ANSWERS.has(error)) return 'debug';
  if (REJOIN.test(message)) return 'info';
  return mapped;
}

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
        logger[kafkaLogLevel(level, message, extra.error)]({ component: 'kafkajs', broker: extra.broker, error: extra.error }, message);
      },
    ...overrides,
  });
}

/**
 * The cluster's default.replication.factor (kafkajs speaks a CreateTopics version that cannot ask for
 * "the broker's default"): 1 on a single broker, 3 on the local three-node cluster, whose
 * min.insync.replicas 2 the topics inherit.
 */
async function defaultReplicationFactor(admin: Admin): Promise<number> {
  const { brokers } = await admin.describeCluster();
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.BROKER, name: String(brokers[0].nodeId), configNames: ['default.replication.factor'] }],
  });
  const value = Number(resources[0]?.configEntries.find((entry) => entry.configName === 'default.replication.factor')?.configValue);
  return Number.isInteger(value) && value > 0 ? value : 1;
}

/**
 * Creates the topics if missing, replicated as the cluster's default says, and waits until every
 * partition has a leader. Production clusters should not rely on broker auto-creation. Services
 * starting together create the same topics at the same moment, so a broker's "already exists" or "not
 * hosted yet" answer is retried, not fatal; so is a cluster with too few live brokers for the
 * replication factor (the topic is never created with fewer copies).
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
          const replicationFactor = await defaultReplicationFactor(admin);
          await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor })) });
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
