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
function formatStorage(classpath: string, propertiesFile: string, jvm: string[], logFile: string, clusterId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      ...['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'], // a short-lived tool: start fast
      ...jvm.filter((option) => option.startsWith('-D')),
      ...['-cp', classpath, 'kafka.tools.StorageTool', 'format', '--ignore-formatted', `--cluster-id=${clusterId}`, '-c', propertiesFile],
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

/** One member of a local cluster, for fault tests: killed like a crash and started again on its ports and data. */
export interface KafkaNode {
  /** Its node.id, 1…n. */
  readonly id: number;
  /** host:port of its client listener. */
  readonly broker: string;
  running(): boolean;
  /** SIGKILL: no clean shutdown. Resolves once the process has exited. */
  kill(): Promise<void>;
  /** Starts it again (same ports and data); resolves once it answers metadata requests. */
  restart(): Promise<void>;
}

export interface LocalKafka extends ProvidedKafka {
  nodes: KafkaNode[];
}

/**
 * A real Apache Kafka (KRaft, each node broker and controller in one JVM) run with the machine's Java from
 * jars Maven fetched: one node by default, or a cluster of `nodes` (3: replication factor 3,
 * min.insync.replicas 2). dev: ports 9092/9093 (a cluster's node n takes the two after node n-1's), data in
 * .cache/kafka/dev (or the instance named; a cluster's in dev-cluster) kept between runs. test: free ports, a
 * fresh folder deleted by stop().
 */
export async function startLocalKafka(options: {
  purpose: Purpose;
  root: string;
  records: RunRecords;
  log: (message: string) => void;
  /** dev only: the first broker port (default 9092; provisionInfrastructure checks the ports are free); each controller listens on the port after its broker's. */
  port?: number;
  /** dev only: the name of the kept data folder (default `dev`; a cluster's is `<name>-cluster`). */
  instance?: string;
  /** Cluster members (default 1). */
  nodes?: number;
}): Promise<LocalKafka> {
  const { purpose, root, records, log } = options;
  const test = purpose === 'test';
  const count = options.nodes ?? 1;
  const { version, libsDir } = await ensureKafkaJars(root, log);

  const devInstance = options.instance ?? 'dev';
  const instance = test ? `test-${randomBytes(4).toString('hex')}` : count > 1 ? `${devInstance}-cluster` : devInstance;
  const instanceDir = join(cacheDir(root), 'kafka', instance);
  const firstDevPort = options.port ?? DEV_KAFKA_PORT;
  const devPorts = Array.from({ length: 2 * count }, (_, index) => firstDevPort + index);
  const ports = test ? await freePorts(2 * count) : devPorts;
  const members = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    port: ports[2 * index],
    controllerPort: ports[2 * index + 1],
    dir: count > 1 ? join(instanceDir, `node-${index + 1}`) : instanceDir,
    recordName: count > 1 ? `kafka-${instance}-node-${index + 1}` : `kafka-${instance}`,
  }));
  const record = { owner: process.pid, kind: 'java' as const, stopSignal: 'SIGTERM' as const, throwawayDir: test ? instanceDir : undefined };
  for (const member of members) records.write(member.recordName, record);

  const processes = new Map<number, ManagedProcess>();
  const removeLeftovers = () => {
    if (test) rmSync(instanceDir, { recursive: true, force: true });
    for (const member of members) records.remove(member.recordName);
  };
  let stopping: Promise<void> | undefined;
  const cleanUp = () => {
    stopping ??= Promise.all([...processes.values()].map((broker) => broker.stop())).then(removeLeftovers);
    return stopping;
  };
  const brokers = members.map((member) => `127.0.0.1:${member.port}`);
  const classpath = join(libsDir, '*'); // java expands the wildcard itself
  const controllerPorts = members.map((member) => member.controllerPort);

  const launch = async (member: (typeof members)[number]): Promise<void> => {
    const logFile = join(member.dir, 'kafka.log');
    const propertiesFile = join(member.dir, 'server.properties');
    const log4jFile = join(member.dir, 'log4j.properties');
    const jvm = kafkaJvmOptions({ log4jConfigUrl: pathToFileURL(log4jFile).href, logsDir: member.dir });
    const name = count > 1 ? `Kafka node ${member.id}` : 'Kafka broker';
    const broker = await startProcess({
      name,
      command: javaCommand(),
      args: [...jvm, '-cp', classpath, 'kafka.Kafka', propertiesFile],
      env: process.env,
      logFile,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 30_000,
      // Also when stopped by Ctrl-C: the last member to stop removes what the instance leaves behind.
      afterStop: () => {
        if ([...processes.values()].every((member) => member.exitReason() !== undefined)) removeLeftovers();
      },
    });
    processes.set(member.id, broker);
    records.write(member.recordName, { ...record, pid: broker.pid });
  };
  const abortReason = (id?: number) => () => {
    for (const member of members) {
      if (id !== undefined && member.id !== id) continue;
      const reason = processes.get(member.id)?.exitReason();
      if (reason) return `${count > 1 ? `node ${member.id}` : 'the broker'} ${reason}; ${displayPath(root, join(member.dir, 'kafka.log'))} ends with:\n${processes.get(member.id)?.logTail()}`;
    }
    return undefined;
  };

  try {
    const clusterId = newClusterId();
    const started = Date.now();
    let formatted = false;
    await Promise.all(
      members.map(async (member) => {
        const dataDir = join(member.dir, 'data');
        mkdirSync(dataDir, { recursive: true });
        const propertiesFile = join(member.dir, 'server.properties');
        const log4jFile = join(member.dir, 'log4j.properties');
        const logFile = join(member.dir, 'kafka.log');
        const settings = kafkaNodeSettings({ port: member.port, controllerPort: member.controllerPort, logDir: dataDir, nodeId: member.id, controllerPorts });
        writeFileSync(propertiesFile, renderProperties(settings));
        writeFileSync(log4jFile, renderLog4jProperties(logFile));
        if (!existsSync(join(dataDir, 'meta.properties'))) {
          const jvm = kafkaJvmOptions({ log4jConfigUrl: pathToFileURL(log4jFile).href, logsDir: member.dir });
          await formatStorage(classpath, propertiesFile, jvm, logFile, clusterId);
          formatted = true;
        }
      }),
    );
    if (formatted) log(`Kafka storage formatted in ${seconds(started)} (${displayPath(root, instanceDir)})`);

    const launched = Date.now();
    await Promise.all(members.map(launch));
    await waitForKafka(brokers, { what: count > 1 ? `local Kafka cluster of ${count}` : 'local Kafka broker', timeoutMs: 90_000, brokerCount: count, abortReason: abortReason() });
    const where = count > 1 ? `${count} nodes on ${brokers.join(',')}` : brokers[0];
    log(`Kafka ${version} ${count > 1 ? 'cluster' : 'broker'} started in ${seconds(launched)} on ${where}`);
    return {
      brokers,
      source: `Apache Kafka ${version} (local JVM${count > 1 ? `s, a ${count}-node` : ','} KRaft${count > 1 ? ' cluster' : ''}) on ${where} (${displayPath(root, instanceDir)}${test ? ', throwaway' : ''})`,
      stop: cleanUp,
      nodes: members.map((member) => ({
        id: member.id,
        broker: `127.0.0.1:${member.port}`,
        running: () => processes.get(member.id)?.exitReason() === undefined,
        kill: async () => {
          await processes.get(member.id)?.kill();
        },
        restart: async () => {
          if (stopping) throw new Error('the Kafka cluster is stopped');
          if (processes.get(member.id)?.exitReason() === undefined) throw new Error(`Kafka node ${member.id} is still running`);
          await launch(member);
          await waitForKafka([`127.0.0.1:${member.port}`], { what: `Kafka node ${member.id}`, timeoutMs: 90_000, abortReason: abortReason(member.id) });
        },
      })),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
