import { Kafka, logLevel } from 'kafkajs';
import { pollUntil, PollOptions } from './wait';

/** Ready = a kafkajs admin client gets an answer to describeCluster (the broker serves metadata). */
export async function waitForKafka(brokers: string[], options: Omit<PollOptions, 'what'> & { what?: string }): Promise<void> {
  await pollUntil(
    async () => {
      const kafka = new Kafka({ clientId: 'asw-infra-readiness', brokers, logLevel: logLevel.NOTHING, connectionTimeout: 1_000, retry: { retries: 0 } });
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.describeCluster();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    { what: options.what ?? `Kafka at ${brokers.join(',')}`, intervalMs: 250, ...options },
  );
}
