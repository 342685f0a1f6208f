import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertKafkaRequirements, javaMajorVersion, machineRequirementsProblem } from './requirements';
import { repoRoot } from './paths';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.2" 2022-01-18', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['nothing useful', undefined],
  ])('%s → %s', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});

// Issue 21: `npm start` on a machine without Java or Maven says what to install before anything starts.
describe('assertKafkaRequirements', () => {
  let bin: string;
  beforeAll(() => (bin = mkdtempSync(join(tmpdir(), 'asw-requirements-'))));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };

  it('names Java and Maven and how to install them when neither is on the PATH', () => {
    expect(() => assertKafkaRequirements({ needMaven: true, env: { PATH: join(bin, 'nothing-here') } })).toThrow(
      /needs Java \(java did not run\) and Maven .*apt-get install openjdk-17-jre-headless maven.*KAFKA_BROKERS/,
    );
  });

  it('refuses a Java older than 17, and does not ask for Maven once the jars are fetched', () => {
    script('java', 'echo \'java version "1.8.0_392"\' >&2');
    expect(() => assertKafkaRequirements({ needMaven: false, env: { PATH: bin } })).toThrow('needs Java 17 or newer (java is Java 8):');
  });

  it('passes with Java 17+ and Maven', () => {
    script('java', 'echo \'openjdk version "17.0.9" 2023-10-17\' >&2');
    script('mvn', 'echo "Apache Maven 3.8.7"');
    expect(() => assertKafkaRequirements({ needMaven: true, env: { PATH: bin } })).not.toThrow();
  });
});

// Issue 21: the one check tools/preflight.js runs first; only when the broker will be a local process.
describe('machineRequirementsProblem', () => {
  const noDocker = { DOCKER_HOST: 'tcp://127.0.0.1:1' };
  it('names what to install when the local broker has no Java', async () => {
    expect(await machineRequirementsProblem(repoRoot(), { ...noDocker, PATH: '/nonexistent' })).toMatch(/^The local Kafka broker needs Java \(java did not run\).*apt-get install openjdk-17-jre-headless maven/);
  });

  it('asks nothing of the machine when KAFKA_BROKERS names a broker', async () => {
    expect(await machineRequirementsProblem(repoRoot(), { ...noDocker, PATH: '/nonexistent', KAFKA_BROKERS: '127.0.0.1:9092' })).toBeUndefined();
  });
});
