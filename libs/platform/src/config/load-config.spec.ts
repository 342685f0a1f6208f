import { ConfigError, loadConfig, serviceConfigSchema } from './load-config';

const valid = {
  PORT: '4001',
  DATABASE_URL: 'postgres://asw:secret-password@db.internal:5432/asw_case',
  KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
  GATEWAY_IDENTITY_SECRET: 'x'.repeat(32),
};

describe('serviceConfigSchema', () => {
  it('parses a complete environment, with defaults', () => {
    expect(loadConfig(serviceConfigSchema, valid)).toEqual({
      ...valid,
      PORT: 4001,
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      KAFKA_TOPIC_PREFIX: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    });
  });

  it.each([
    [{ PORT: undefined }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://h:5432/Bad-Name' }, 'DATABASE_URL'],
    [{ KAFKA_BROKERS: '' }, 'KAFKA_BROKERS'],
    [{ GATEWAY_IDENTITY_SECRET: 'short' }, 'GATEWAY_IDENTITY_SECRET'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ KAFKA_TOPIC_PREFIX: 'bad prefix' }, 'KAFKA_TOPIC_PREFIX'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ LOG_LEVEL: 'INFO' }, 'LOG_LEVEL'],
  ])('refuses %j naming %s, without echoing values', (override, key) => {
    let error: unknown;
    try {
      loadConfig(serviceConfigSchema, { ...valid, ...override });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join()).toContain(key);
    expect((error as Error).message).not.toContain('secret-password');
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig(serviceConfigSchema, {})).toThrow(/PORT.*DATABASE_URL.*KAFKA_BROKERS.*GATEWAY_IDENTITY_SECRET/);
  });
});
