/**
 * The settings of one KRaft Kafka node (combined broker and controller), tuned to start fast: a single
 * node by default, or one member of a local cluster (`nodeId` and every member's controller port).
 */
export interface KafkaNodeOptions {
  /** Client port (PLAINTEXT). */
  port: number;
  controllerPort: number;
  logDir: string;
  /** The host clients are told to connect to. */
  advertisedHost?: string;
  /** The host the listeners bind to; a container binds all interfaces. */
  listenHost?: string;
  /** In a cluster: this node's id, 1…n (default 1). */
  nodeId?: number;
  /** In a cluster: the controller port of every member, node id n at index n-1 (default: this node's only). */
  controllerPorts?: number[];
}

export function kafkaNodeSettings(options: KafkaNodeOptions): Record<string, string> {
  const listenHost = options.listenHost ?? '127.0.0.1';
  const advertisedHost = options.advertisedHost ?? '127.0.0.1';
  const controllerPorts = options.controllerPorts ?? [options.controllerPort];
  // One node: every replication setting is 1, or topic creation and consumer groups would wait forever.
  // Three or more: three copies, and a write is acknowledged once two hold it, so one member may die.
  const replicas = String(Math.min(controllerPorts.length, 3));
  const minInSync = controllerPorts.length >= 3 ? '2' : '1';
  return {
    'process.roles': 'broker,controller',
    'node.id': String(options.nodeId ?? 1),
    'controller.quorum.voters': controllerPorts.map((port, index) => `${index + 1}@127.0.0.1:${port}`).join(','),
    listeners: `PLAINTEXT://${listenHost}:${options.port},CONTROLLER://${listenHost}:${options.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${advertisedHost}:${options.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': options.logDir,
    'offsets.topic.replication.factor': replicas,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': minInSync,
    'default.replication.factor': replicas,
    'min.insync.replicas': minInSync,
    // Never elect a replica that missed acknowledged writes.
    'unclean.leader.election.enable': 'false',
    ...(controllerPorts.length > 1 && {
      // A member killed with SIGKILL is fenced (and its partitions led elsewhere) after 3 s, not 9 s.
      'broker.session.timeout.ms': '3000',
      'broker.heartbeat.interval.ms': '500',
    }),
    // No waiting for more members before the first rebalance: tests join one consumer at a time.
    'group.initial.rebalance.delay.ms': '0',
    // Fewer internal partitions: the first consumer group on a fresh node is ready sooner.
    'offsets.topic.num.partitions': '5',
    'num.partitions': '3',
    'auto.create.topics.enable': 'true',
    // A small machine: no need for the default thread pools.
    'num.network.threads': '2',
    'num.io.threads': '4',
    'num.recovery.threads.per.data.dir': '1',
  };
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Java .properties text, keys sorted so the file is stable. */
export function renderProperties(settings: Record<string, string>): string {
  return Object.keys(settings)
    .sort()
    .map((key) => `${key}=${escapeValue(settings[key])}`)
    .join('\n')
    .concat('\n');
}

/** reload4j (log4j 1.x) configuration: warnings and errors into one file, nothing on the terminal. */
export function renderLog4jProperties(logFile: string): string {
  return renderProperties({
    'log4j.rootLogger': 'WARN, file',
    'log4j.appender.file': 'org.apache.log4j.FileAppender',
    'log4j.appender.file.File': logFile,
    'log4j.appender.file.Append': 'true',
    'log4j.appender.file.layout': 'org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern': '[%d] %p %m (%c)%n',
  });
}

/**
 * The apache/kafka image's environment form of the same settings: KAFKA_ + the key upper-cased with
 * "." → "_", "_" → "__" and "-" → "___".
 */
export function kafkaImageEnvironment(settings: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    env[`KAFKA_${key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** The Kafka version pinned in libs/infra/kafka/pom.xml (one place to change it). */
export function kafkaVersionFromPom(pom: string): string {
  const version = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('libs/infra/kafka/pom.xml has no <kafka.version> property');
  return version;
}

/** The JVM options: a small heap and the serial collector start quickest and leave room on a small machine. */
export function kafkaJvmOptions(options: { log4jConfigUrl: string; logsDir: string }): string[] {
  return [
    '-Xms256m',
    '-Xmx768m',
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=${options.log4jConfigUrl}`,
    `-Dkafka.logs.dir=${options.logsDir}`,
  ];
}
