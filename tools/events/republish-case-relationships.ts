/**
 * Operator command: puts every case's relationship snapshot (who works on it, open or closed) into
 * the case service's outbox again; the running case service's relay publishes them as
 * CaseRelationshipsChanged. For a service that joins later or restores its database. Safe to repeat.
 *
 *   DATABASE_URL=<the case database> KAFKA_TOPIC_PREFIX=<as the services run> npm run events:republish-relationships
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@asw/events';
import { loadConfig, serviceConfigSchema } from '@asw/platform';
import { republishCaseRelationships } from '@asw/subgraph';

async function main(): Promise<void> {
  const env = loadConfig(serviceConfigSchema.pick({ DATABASE_URL: true, KAFKA_TOPIC_PREFIX: true }));
  const dataSource = await new DataSource({ type: 'postgres', url: env.DATABASE_URL }).initialize();
  try {
    const correlationId = randomUUID();
    const published = await republishCaseRelationships(dataSource, new EventPublisher('case', env.KAFKA_TOPIC_PREFIX), correlationId);
    process.stdout.write(`case: ${published} case relationship snapshot(s) in the outbox (correlation id ${correlationId}); the case service's relay publishes them\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`republish failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
