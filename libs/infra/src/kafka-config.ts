/** The settings of one single-node KRaft Kafka (combined broker and controller), tuned to start fast. */
export interface KafkaNodeOptions {
  /** Client port (PLAINTEXT). */
  port: number;
  controllerPort: number;
  logDir: string;
  /** The host clients are told to connect to. */
  advertisedHost?: string;
  /** The host the listeners bind to; a container binds all interfaces. */
  listenHost?: string;
}

export function kafkaNodeSettings(options: KafkaNodeOptions): Record<string, string> {
  const listenHost = options.listenHost ?? '127.0.0.1';
  const advertisedHost = options.advertisedHost ?? '127.0.0.1';
  return {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${options.controllerPort}`,
    listeners: `PLAINTEXT://${listenHost}:${options.port},CONTROLLER://${listenHost}:${options.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${advertisedHost}:${options.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': options.logDir,
    // One node: every replication setting is 1, or topic creation and consumer groups would wait forever.
    'offsets.topic.replication.factor': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'default.replication.factor': '1',
    'min.insync.replicas': '1',
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
