import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';

// Proves kafkajs 2.2.4 works against the provisioned broker (Kafka 3.9 locally): the features the event
// pipeline relies on, end to end.

function brokers(): string[] {
  const value = process.env.TEST_KAFKA_BROKERS;
  if (!value) throw new Error('TEST_KAFKA_BROKERS is not set: run through the jest integration project');
  return value.split(',');
}

async function eventually<T>(check: () => T, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Received {
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

function toReceived(partition: number, message: KafkaMessage): Received {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
  return { partition, offset: message.offset, key: String(message.key), value: String(message.value), headers };
}

describe('kafkajs 2.2.4 against the provisioned Kafka', () => {
  const suffix = randomBytes(4).toString('hex');
  const topic = `infra-check-${suffix}`;
  const groupId = `infra-check-group-${suffix}`;
  const kafka = new Kafka({ clientId: 'infra-int-spec', brokers: brokers(), logLevel: logLevel.NOTHING });
  const keys = ['client-a', 'client-b', 'client-c', 'client-d'];
  const batch = (round: number) =>
    keys.flatMap((key) =>
      [0, 1, 2].map((seq) => ({
        key,
        value: `${key}:${round}:${seq}`,
        headers: { 'event-type': 'ClientRegistered', 'event-seq': `${round}-${seq}` },
      })),
    );
  const consumers: Consumer[] = [];

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
  });

  async function consume(received: Received[]): Promise<Consumer> {
    // A short fetch wait: disconnect() waits for the fetch in flight (5 s by default).
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 250 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        // Committed explicitly, as the event consumers do after their inbox transaction; counted once committed.
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        received.push(toReceived(partition, message));
      },
    });
    return consumer;
  }

  function expectInOrderPerKey(received: Received[], round: number): void {
    for (const key of keys) {
      const forKey = received.filter((message) => message.key === key);
      expect(forKey.map((message) => message.value)).toEqual([0, 1, 2].map((seq) => `${key}:${round}:${seq}`));
      expect(new Set(forKey.map((message) => message.partition)).size).toBe(1); // one key, one partition
    }
  }

  it('creates topics, produces idempotently with acks=-1, consumes in order per key and resumes after committed offsets', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.length).toBeGreaterThan(0);
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const first = await producer.send({ topic, acks: -1, messages: batch(1) });
      expect(first.every((result) => result.errorCode === 0)).toBe(true);

      const firstReceived: Received[] = [];
      const firstConsumer = await consume(firstReceived);
      await eventually(() => expect(firstReceived).toHaveLength(12));
      expectInOrderPerKey(firstReceived, 1);
      expect(firstReceived.find((message) => message.value === 'client-a:1:2')?.headers).toEqual({
        'event-type': 'ClientRegistered',
        'event-seq': '1-2',
      });
      await firstConsumer.disconnect();

      await producer.send({ topic, acks: -1, messages: batch(2) });
      const secondReceived: Received[] = [];
      await consume(secondReceived);
      await eventually(() => expect(secondReceived).toHaveLength(12));
      // Same group: starts after the committed offsets, so nothing of round 1 is read again.
      expect(secondReceived.every((message) => message.value.includes(':2:'))).toBe(true);
      expectInOrderPerKey(secondReceived, 2);
    } finally {
      await producer.disconnect();
    }

    const admin2 = kafka.admin();
    await admin2.connect();
    try {
      const [committed] = await admin2.fetchOffsets({ groupId, topics: [topic] });
      // A partition no key hashed to has no committed offset (-1).
      const total = committed.partitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
      expect(total).toBe(24);
    } finally {
      await admin2.disconnect();
    }
  });
});
