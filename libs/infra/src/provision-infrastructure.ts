import { join } from 'node:path';
import { databaseUrl, redactUrl } from './database';
import { isDockerAvailable } from './docker-detect';
import { DEV_POSTGRES_PORT, startEmbeddedPostgres } from './embedded-postgres';
import { hasKafkaJars } from './kafka-jars';
import { DEV_KAFKA_PORT, LocalKafka, startLocalKafka } from './local-kafka';
import { assertPortsFree } from './net';
import { assertKafkaRequirements } from './requirements';
import { cacheDir, repoRoot } from './paths';
import { chooseProvisioning, needsDockerCheck, parseBrokers, Provisioner } from './provisioning';
import { RunRecords } from './run-records';
import type { Infrastructure, ProvidedKafka, ProvidedPostgres, ProvisionOptions } from './types';

const nothingToStop = async (): Promise<void> => undefined;

function fromEnvPostgres(url: string): ProvidedPostgres {
  const parsed = new URL(url);
  return { serverUrl: databaseUrl(url, 'postgres'), source: `DATABASE_URL (${parsed.hostname}:${parsed.port || 5432})`, stop: nothingToStop };
}

function fromEnvKafka(value: string): ProvidedKafka {
  const brokers = parseBrokers(value);
  return { brokers, source: `KAFKA_BROKERS (${brokers.join(',')})`, stop: nothingToStop };
}

/**
 * PostgreSQL and Kafka for `npm start` (purpose 'dev') or an integration test run ('test'):
 * DATABASE_URL / KAFKA_BROKERS when set, else containers when a Docker engine answers, else local processes.
 * stop() stops only what this call started.
 */
export async function provisionInfrastructure(options: ProvisionOptions): Promise<Infrastructure> {
  const env = options.env ?? process.env;
  const { purpose, log } = options;
  const dockerAvailable = needsDockerCheck(env) && (await isDockerAvailable(env));
  const choice = chooseProvisioning({ env, dockerAvailable });
  log(`provisioning for ${purpose}: PostgreSQL from ${describe(choice.postgres)}, Kafka from ${describe(choice.kafka)}`);

  // What the local broker needs from the machine (Java, Maven) is checked by tools/preflight.js before `npm start` or `npm test` builds or starts anything.
  const root = repoRoot();
  const records = new RunRecords(join(cacheDir(root), 'run'));
  if (choice.postgres === 'local' || choice.kafka === 'local') await records.cleanUpStale(log);
  // The fixed dev ports, after stale servers of killed runs are stopped and before either server starts: a taken one is named with its holder.
  if (purpose === 'dev' && choice.postgres === 'local') {
    await assertPortsFree([options.ports?.postgres ?? DEV_POSTGRES_PORT], 'local PostgreSQL (dev)', 'choose another with --postgres-port / ASW_POSTGRES_PORT, or set DATABASE_URL to use another server');
  }
  const nodes = kafkaNodes(options, env);
  if (purpose === 'dev' && choice.kafka === 'local') {
    const kafka = options.ports?.kafka ?? DEV_KAFKA_PORT;
    const ports = Array.from({ length: 2 * nodes }, (_, index) => kafka + index);
    await assertPortsFree(ports, 'local Kafka (dev)', 'choose others with --kafka-port / ASW_KAFKA_PORT (each controller takes the port after its broker), or set KAFKA_BROKERS to use another broker');
  }

  const docker = () => import('./docker-infra');
  const [postgres, kafka] = await Promise.allSettled([
    choice.postgres === 'env'
      ? fromEnvPostgres(env.DATABASE_URL as string)
      : choice.postgres === 'docker'
        ? docker().then((m) => m.startPostgresContainer())
        : startEmbeddedPostgres({ purpose, root, records, log, port: options.ports?.postgres, instance: options.instance, env }),
    choice.kafka === 'env'
      ? fromEnvKafka(env.KAFKA_BROKERS as string)
      : choice.kafka === 'docker'
        ? docker().then((m) => m.startKafkaContainer())
        : startLocalKafka({ purpose, root, records, log, port: options.ports?.kafka, instance: options.instance, nodes }),
  ]);
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    // Started in parallel: stop the half that came up before reporting the other's failure.
    await Promise.allSettled([postgres, kafka].map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    throw postgres.status === 'rejected' ? postgres.reason : (kafka as PromiseRejectedResult).reason;
  }

  log(`PostgreSQL: ${postgres.value.source} (${redactUrl(postgres.value.serverUrl)}); Kafka: ${kafka.value.source}`);
  let stopping: Promise<void> | undefined;
  return {
    postgres: { serverUrl: postgres.value.serverUrl, source: postgres.value.source },
    kafka: { brokers: kafka.value.brokers, source: kafka.value.source },
    stop: () => {
      stopping ??= Promise.all([postgres.value.stop(), kafka.value.stop()]).then(() => {
        if (choice.postgres !== 'env' || choice.kafka !== 'env') log('infrastructure stopped');
      });
      return stopping;
    },
  };
}

function describe(provisioner: Provisioner): string {
  return { env: 'the environment', docker: 'Docker (testcontainers)', local: 'local processes' }[provisioner];
}

/** Local Kafka's size: the option, else ASW_KAFKA_NODES, else one node. */
function kafkaNodes(options: ProvisionOptions, env: NodeJS.ProcessEnv): number {
  const value = options.kafkaNodes ?? (env.ASW_KAFKA_NODES?.trim() ? Number(env.ASW_KAFKA_NODES) : 1);
  if (!Number.isInteger(value) || value < 1 || value > 9) throw new Error(`ASW_KAFKA_NODES must be a whole number from 1 to 9, not ${env.ASW_KAFKA_NODES}`);
  return value;
}

/**
 * A local Kafka cluster of its own (`nodes` JVMs on free ports, a throwaway folder) whatever KAFKA_BROKERS
 * or Docker would give, because its members must be killable: for fault tests and the soak run.
 */
export async function startKafkaCluster(options: { nodes: number; log: (message: string) => void }): Promise<LocalKafka> {
  const root = repoRoot();
  assertKafkaRequirements({ needMaven: !hasKafkaJars(root) });
  const records = new RunRecords(join(cacheDir(root), 'run'));
  await records.cleanUpStale(options.log);
  return startLocalKafka({ purpose: 'test', root, records, log: options.log, nodes: options.nodes });
}
