import { Kafka, logLevel } from 'kafkajs';
import { pollUntil, PollOptions } from './wait';

function readinessClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'asw-infra-readiness', brokers, logLevel: logLevel.NOTHING, connectionTimeout: 1_000, retry: { retries: 0 } });
}

/**
 * Ready = a kafkajs admin client gets an answer to describeCluster (the broker serves metadata), and
 * with `brokerCount` the cluster lists that many live brokers.
 */
export async function waitForKafka(brokers: string[], options: Omit<PollOptions, 'what'> & { what?: string; brokerCount?: number }): Promise<void> {
  await pollUntil(
    async () => {
      const admin = readinessClient(brokers).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        if (options.brokerCount !== undefined && cluster.brokers.length < options.brokerCount) {
          throw new Error(`${cluster.brokers.length} of ${options.brokerCount} brokers registered`);
        }
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    { what: options.what ?? `Kafka at ${brokers.join(',')}`, intervalMs: 250, ...options },
  );
}

/**
 * Fully replicated = every partition of the topics has all its replicas in sync. After a cluster member
 * comes back it catches up first: killing another member before then would leave a partition with fewer
 * in-sync copies than min.insync.replicas, and writes would wait.
 */
export async function waitForInSyncReplicas(brokers: string[], topics: string[], options: Omit<PollOptions, 'what'> & { what?: string }): Promise<void> {
  await pollUntil(
    async () => {
      const admin = readinessClient(brokers).admin();
      try {
        await admin.connect();
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const behind = metadata.flatMap((topic) =>
          topic.partitions.filter((partition) => partition.isr.length < partition.replicas.length).map((partition) => `${topic.name}/${partition.partitionId}`),
        );
        if (behind.length > 0) throw new Error(`replicas not in sync yet: ${behind.join(', ')}`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    { what: options.what ?? `in-sync replicas of ${topics.join(', ')}`, intervalMs: 250, ...options },
  );
}
