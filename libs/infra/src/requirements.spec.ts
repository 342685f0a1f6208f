import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertKafkaRequirements, javaMajorVersion } from './requirements';

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
