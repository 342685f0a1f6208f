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
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}
