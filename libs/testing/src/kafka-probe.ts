import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, parseEnvelope } from '@asw/events';
import { testKafkaBrokers } from './test-database';

export interface ReceivedEvent {
  key: string | null;
  envelope: EventEnvelope;
}

/** Reads a topic from the beginning, as an outside observer, to check what really reached Kafka. */
export async function observeTopic(topic: string): Promise<{ received: ReceivedEvent[]; stop(): Promise<void> }> {
  const kafka = new Kafka({ clientId: 'test-observer', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `observer-${randomUUID()}` });
  const received: ReceivedEvent[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({ key: message.key?.toString() ?? null, envelope: parseEnvelope(message.value) });
    },
  });
  return { received, stop: () => consumer.disconnect() };
}

/** Produces raw messages, as another service (or a misbehaving one) would. */
export async function produceRaw(topic: string, messages: Array<{ key: string; value: string }>): Promise<void> {
  const kafka = new Kafka({ clientId: 'test-producer', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  // Idempotent: a send retried under load (a request that timed out but was written) is not written twice.
  const producer = kafka.producer({ allowAutoTopicCreation: true, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Every message on every topic whose name starts with `prefix` (a test's own namespace), as text. */
export async function readAllMessages(prefix: string): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'test-sweep', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  const remaining = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) remaining.set(`${topic}/${partition}`, BigInt(high));
    }
  }
  await admin.disconnect();
  const values: string[] = [];
  if (remaining.size === 0) return values;
  const consumer = kafka.consumer({ groupId: `sweep-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`messages still unread after 30 s: ${[...remaining.keys()].join(', ')}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        values.push(`${message.key?.toString() ?? ''} ${message.value?.toString() ?? ''}`);
        const key = `${topic}/${partition}`;
        if (BigInt(message.offset) + 1n >= (remaining.get(key) ?? 0n)) remaining.delete(key);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return values;
}
