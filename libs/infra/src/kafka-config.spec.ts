import { kafkaImageEnvironment, kafkaJvmOptions, kafkaNodeSettings, kafkaVersionFromPom, renderLog4jProperties, renderProperties } from './kafka-config';
import { newClusterId } from './local-kafka';

describe('kafkaNodeSettings', () => {
  const settings = kafkaNodeSettings({ port: 19092, controllerPort: 19093, logDir: '/repo/.cache/kafka/test-x/data' });

  it('is a combined KRaft node on loopback with the listeners on the given ports', () => {
    expect(settings).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:19093',
      listeners: 'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:19092',
      'controller.listener.names': 'CONTROLLER',
      'log.dirs': '/repo/.cache/kafka/test-x/data',
    });
  });

  it('needs no second broker for anything (replication 1, no rebalance delay, auto-created topics)', () => {
    expect(settings).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'min.insync.replicas': '1',
      'group.initial.rebalance.delay.ms': '0',
      'num.partitions': '3',
      'auto.create.topics.enable': 'true',
    });
  });

  it('as a member of a three-node cluster: its own id, every voter, three copies and two in sync per write', () => {
    const member = kafkaNodeSettings({ port: 20002, controllerPort: 20003, logDir: '/d', nodeId: 2, controllerPorts: [20001, 20003, 20005] });
    expect(member).toMatchObject({
      'node.id': '2',
      'controller.quorum.voters': '1@127.0.0.1:20001,2@127.0.0.1:20003,3@127.0.0.1:20005',
      listeners: 'PLAINTEXT://127.0.0.1:20002,CONTROLLER://127.0.0.1:20003',
      'default.replication.factor': '3',
      'offsets.topic.replication.factor': '3',
      'min.insync.replicas': '2',
      'transaction.state.log.min.isr': '2',
      'unclean.leader.election.enable': 'false',
    });
    expect(settings['broker.session.timeout.ms']).toBeUndefined();
    expect(member['broker.session.timeout.ms']).toBe('3000');
  });

  it('binds and advertises other hosts for a container', () => {
    const container = kafkaNodeSettings({ port: 30000, controllerPort: 9093, logDir: '/tmp/k', listenHost: '0.0.0.0', advertisedHost: 'docker-host' });
    expect(container.listeners).toBe('PLAINTEXT://0.0.0.0:30000,CONTROLLER://0.0.0.0:9093');
    expect(container['advertised.listeners']).toBe('PLAINTEXT://docker-host:30000');
  });
});

describe('renderProperties', () => {
  it('renders sorted key=value lines, escaping backslashes', () => {
    expect(renderProperties({ 'b.key': 'two', 'a.key': 'C:\\data' })).toBe('a.key=C:\\\\data\nb.key=two\n');
  });
});

describe('renderLog4jProperties', () => {
  it('sends warnings and errors to the given file only', () => {
    const text = renderLog4jProperties('/repo/.cache/kafka/dev/kafka.log');
    expect(text).toContain('log4j.rootLogger=WARN, file\n');
    expect(text).toContain('log4j.appender.file.File=/repo/.cache/kafka/dev/kafka.log\n');
    expect(text).not.toMatch(/ConsoleAppender/);
  });
});

describe('kafkaImageEnvironment', () => {
  it('follows the apache/kafka image convention', () => {
    expect(kafkaImageEnvironment({ 'node.id': '1', 'log.dirs': '/d', 'some_key.with-dash': 'x' })).toEqual({
      KAFKA_NODE_ID: '1',
      KAFKA_LOG_DIRS: '/d',
      KAFKA_SOME__KEY_WITH___DASH: 'x',
    });
  });
});

describe('kafkaVersionFromPom', () => {
  it('reads the kafka.version property', () => {
    expect(kafkaVersionFromPom('<properties>\n  <kafka.version>3.9.1</kafka.version>\n</properties>')).toBe('3.9.1');
  });

  it('fails clearly without it', () => {
    expect(() => kafkaVersionFromPom('<project/>')).toThrow('kafka.version');
  });
});

describe('kafkaJvmOptions', () => {
  it('uses a small heap, the serial collector and the given log4j file', () => {
    expect(kafkaJvmOptions({ log4jConfigUrl: 'file:///x/log4j.properties', logsDir: '/x' })).toEqual(
      expect.arrayContaining(['-Xms256m', '-Xmx768m', '-XX:+UseSerialGC', '-Dlog4j.configuration=file:///x/log4j.properties']),
    );
  });
});

describe('newClusterId', () => {
  it('is 22 base64url characters and never starts with "-" (a command line would take it for an option)', () => {
    const ids = Array.from({ length: 5000 }, newClusterId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
