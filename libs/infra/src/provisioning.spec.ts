import { chooseProvisioning, needsDockerCheck, parseBrokers } from './provisioning';

describe('chooseProvisioning', () => {
  const url = 'postgres://u:p@db:5432/app';
  it.each([
    // env                                             docker  postgres  kafka
    [{}, false, 'local', 'local'],
    [{}, true, 'docker', 'docker'],
    [{ DATABASE_URL: url }, false, 'env', 'local'],
    [{ DATABASE_URL: url }, true, 'env', 'docker'],
    [{ KAFKA_BROKERS: 'k:9092' }, false, 'local', 'env'],
    [{ KAFKA_BROKERS: 'k:9092' }, true, 'docker', 'env'],
    [{ DATABASE_URL: url, KAFKA_BROKERS: 'k1:9092,k2:9092' }, false, 'env', 'env'],
    [{ DATABASE_URL: url, KAFKA_BROKERS: 'k1:9092,k2:9092' }, true, 'env', 'env'],
    // blank values count as unset
    [{ DATABASE_URL: '  ', KAFKA_BROKERS: '' }, true, 'docker', 'docker'],
    [{ KAFKA_BROKERS: ' , ' }, false, 'local', 'local'],
  ] as const)('%j with docker=%s → postgres %s, kafka %s', (env, dockerAvailable, postgres, kafka) => {
    expect(chooseProvisioning({ env, dockerAvailable })).toEqual({ postgres, kafka });
  });
});

describe('needsDockerCheck', () => {
  it.each([
    [{}, true],
    [{ DATABASE_URL: 'postgres://h/db' }, true],
    [{ KAFKA_BROKERS: 'k:9092' }, true],
    [{ DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' }, false],
  ])('%j → %s', (env, expected) => {
    expect(needsDockerCheck(env)).toBe(expected);
  });
});

describe('parseBrokers', () => {
  it('splits on commas, trims and drops blanks', () => {
    expect(parseBrokers(' k1:9092, k2:9092 ,,')).toEqual(['k1:9092', 'k2:9092']);
  });
});
