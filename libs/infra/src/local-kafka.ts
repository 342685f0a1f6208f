import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureKafkaJars } from './kafka-jars';
import { kafkaJvmOptions, kafkaNodeSettings, renderLog4jProperties, renderProperties } from './kafka-config';
import { waitForKafka } from './kafka-ready';
import { ManagedProcess, readTail, startProcess } from './managed-process';
import { freePorts } from './net';
import { cacheDir, displayPath } from './paths';
import { RunRecords } from './run-records';
import { seconds } from './wait';
import type { ProvidedKafka, Purpose } from './types';

export const DEV_KAFKA_PORT = 9092;
export const DEV_KAFKA_CONTROLLER_PORT = 9093;

function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding (what `kafka-storage random-uuid`
 * prints). Like Kafka's own Uuid.randomUuid, never one starting with '-': a command line would read it
 * as an option (`-t -x…`), which failed one test run in 64.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

// A Java failure's message comes first; its stack trace would bury it.
function firstLines(text: string, count: number): string {
  return text.trim().split('\n').slice(0, count).join('\n');
}

/** `kafka-storage format`, once per data folder (static quorum: controller.quorum.voters in the properties). */
function formatStorage(classpath: string, propertiesFile: string, jvm: string[], logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      ...['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'], // a short-lived tool: start fast
      ...jvm.filter((option) => option.startsWith('-D')),
      ...['-cp', classpath, 'kafka.tools.StorageTool', 'format', '--ignore-formatted', `--cluster-id=${newClusterId()}`, '-c', propertiesFile],
    ];
    const child = spawn(javaCommand(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`Kafka needs Java 17+ (${javaCommand()}: ${error.message}); or set KAFKA_BROKERS`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`formatting Kafka storage failed (exit ${code}):\n${firstLines(output, 15)}\n${readTail(logFile, 20)}`)),
    );
  });
}

/**
 * A real single-node Apache Kafka (KRaft, broker and controller in one JVM) run with the machine's Java from
 * jars Maven fetched. dev: ports 9092/9093, data in .cache/kafka/dev (or the instance named) kept between runs. test: free ports,
 * a fresh folder deleted by stop().
 */
export async function startLocalKafka(options: {
  purpose: Purpose;
  root: string;
  records: RunRecords;
  log: (message: string) => void;
  /** dev only: the broker port (default 9092; provisionInfrastructure checks it is free); the controller listens on the next one. */
  port?: number;
  /** dev only: the name of the kept data folder (default `dev`). */
  instance?: string;
}): Promise<ProvidedKafka> {
  const { purpose, root, records, log } = options;
  const test = purpose === 'test';
  const { version, libsDir } = await ensureKafkaJars(root, log);

  const instance = test ? `test-${randomBytes(4).toString('hex')}` : (options.instance ?? 'dev');
  const recordName = `kafka-${instance}`;
  const instanceDir = join(cacheDir(root), 'kafka', instance);
  const dataDir = join(instanceDir, 'data');
  const logFile = join(instanceDir, 'kafka.log');
  const devPorts = options.port === undefined ? [DEV_KAFKA_PORT, DEV_KAFKA_CONTROLLER_PORT] : [options.port, options.port + 1];
  const [port, controllerPort] = test ? await freePorts(2) : devPorts;
  const record = { owner: process.pid, kind: 'java' as const, stopSignal: 'SIGTERM' as const, throwawayDir: test ? instanceDir : undefined };
  records.write(recordName, record);

  let broker: ManagedProcess | undefined;
  const removeLeftovers = () => {
    if (test) rmSync(instanceDir, { recursive: true, force: true });
    records.remove(recordName);
  };
  const cleanUp = async () => {
    await broker?.stop();
    removeLeftovers();
  };
  try {
    mkdirSync(dataDir, { recursive: true });
    const propertiesFile = join(instanceDir, 'server.properties');
    const log4jFile = join(instanceDir, 'log4j.properties');
    writeFileSync(propertiesFile, renderProperties(kafkaNodeSettings({ port, controllerPort, logDir: dataDir })));
    writeFileSync(log4jFile, renderLog4jProperties(logFile));
    const jvm = kafkaJvmOptions({ log4jConfigUrl: pathToFileURL(log4jFile).href, logsDir: instanceDir });
    const classpath = join(libsDir, '*'); // java expands the wildcard itself

    if (!existsSync(join(dataDir, 'meta.properties'))) {
      const started = Date.now();
      await formatStorage(classpath, propertiesFile, jvm, logFile);
      log(`Kafka storage formatted in ${seconds(started)} (${displayPath(root, dataDir)})`);
    }

    const started = Date.now();
    broker = await startProcess({
      name: 'Kafka broker',
      command: javaCommand(),
      args: [...jvm, '-cp', classpath, 'kafka.Kafka', propertiesFile],
      env: process.env,
      logFile,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 30_000,
      afterStop: removeLeftovers,
    });
    records.write(recordName, { ...record, pid: broker.pid });
    const running = broker;
    const brokers = [`127.0.0.1:${port}`];
    await waitForKafka(brokers, {
      what: 'local Kafka broker',
      timeoutMs: 90_000,
      abortReason: () => {
        const reason = running.exitReason();
        return reason && `the broker ${reason}; ${displayPath(root, logFile)} ends with:\n${running.logTail()}`;
      },
    });
    log(`Kafka ${version} broker started in ${seconds(started)} on ${brokers[0]}`);
    return {
      brokers,
      source: `Apache Kafka ${version} (local JVM, KRaft) on ${brokers[0]} (${displayPath(root, instanceDir)}${test ? ', throwaway' : ''})`,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
