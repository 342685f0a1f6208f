/**
 * Operator command: re-applies a service's dead letters after the fix is deployed.
 *
 *   DATABASE_URL=<the service's database> npm run events:replay -- --service <name> [--id <deadLetterId>]... [--list]
 *
 * Uses the service's own handlers (built by its Nest modules, without starting its HTTP server,
 * relay or consumer) and applies through the inbox, so an event applies once however often it is
 * replayed; replayed dead letters are marked. --list only shows what is waiting. Exit code 1 if
 * any dead letter still failed.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EventHandler, listDeadLetters, replayDeadLetters } from '@asw/events';
import { configFields, createLogger, loadConfig, ServiceConfig } from '@asw/platform';
import { createSubgraphApp } from '@asw/subgraph';
import { SUBGRAPHS } from '../graph';

const USAGE = 'usage: npm run events:replay -- --service <name> [--id <deadLetterId>]... [--list]   (DATABASE_URL: the service database)';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { service: { type: 'string' }, id: { type: 'string', multiple: true }, list: { type: 'boolean' } } });
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === values.service);
  if (!entry) {
    process.stderr.write(`${USAGE}\nservices: ${SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}\n`);
    return 2;
  }
  if (values.id?.some((id) => !/^\d+$/.test(id))) {
    process.stderr.write(`--id takes the numeric id of a dead letter\n${USAGE}\n`);
    return 2;
  }
  const env = loadConfig(z.object({ DATABASE_URL: configFields.postgresUrl, LOG_LEVEL: configFields.logLevel.default('warn') }));
  const logger = createLogger(`${entry.name}-replay`, env.LOG_LEVEL);
  // Only the database is used; the rest is what 'schema' mode needs to build the modules.
  const config: ServiceConfig = {
    NODE_ENV: 'production',
    LOG_LEVEL: env.LOG_LEVEL,
    PORT: 1,
    DATABASE_URL: env.DATABASE_URL,
    KAFKA_BROKERS: [],
    KAFKA_TOPIC_PREFIX: '',
    GATEWAY_IDENTITY_SECRET: 'unused-by-the-replay-tool'.padEnd(32, '-'),
  };
  const definition = await entry.load();
  const app = await createSubgraphApp(definition, config, 'schema');
  const dataSource = app.get(DataSource);
  try {
    await dataSource.initialize();
    if (values.list) {
      const letters = await listDeadLetters(dataSource);
      for (const letter of letters) {
        process.stdout.write(`${letter.id}\t${letter.eventType ?? '-'}\t${letter.eventId ?? '-'}\t${letter.topic}[${letter.partition}]@${letter.offset}\tattempts=${letter.attempts}\t${letter.error}\n`);
      }
      process.stdout.write(`${letters.length} dead letter(s) waiting for replay in ${entry.name}\n`);
      return 0;
    }
    const handlers = (definition.eventHandlers ?? []).map((type) => app.get<EventHandler>(type, { strict: false }));
    const outcomes = await replayDeadLetters(dataSource, handlers, { ids: values.id, logger });
    for (const outcome of outcomes) {
      process.stdout.write(`${outcome.id}\t${outcome.eventType ?? '-'}\t${outcome.eventId ?? '-'}\t${outcome.outcome}${outcome.error ? `\t${outcome.error}` : ''}\n`);
    }
    const failed = outcomes.filter((outcome) => outcome.outcome === 'failed').length;
    process.stdout.write(`${entry.name}: ${outcomes.length - failed} replayed, ${failed} still failing\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
