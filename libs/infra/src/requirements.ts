import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isDockerAvailable } from './docker-detect';
import { hasKafkaJars } from './kafka-jars';
import { chooseProvisioning, needsDockerCheck } from './provisioning';

export const INSTALL_JAVA_AND_MAVEN = 'install Java 17+ and Maven (e.g. `apt-get install openjdk-17-jre-headless maven`), or set KAFKA_BROKERS to use a running broker';

/** The major version from `java -version` output (`openjdk version "17.0.2"`, `java version "1.8.0_392"`). */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/**
 * What the local Kafka broker needs from the machine, checked before anything starts: Java 17+, and Maven
 * while the Kafka jars have not been fetched yet. Throws one message saying what to install.
 */
export function assertKafkaRequirements(options: { needMaven: boolean; env?: NodeJS.ProcessEnv }): void {
  const env = options.env ?? process.env;
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const javaRun = spawnSync(java, ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  const missing: string[] = [];
  if (javaRun.error || javaRun.status !== 0) missing.push(`Java (${java} did not run)`);
  else {
    const major = javaMajorVersion(`${javaRun.stderr}${javaRun.stdout}`);
    if (major !== undefined && major < 17) missing.push(`Java 17 or newer (${java} is Java ${major})`);
  }
  if (options.needMaven) {
    const mvn = spawnSync(process.platform === 'win32' ? 'mvn.cmd' : 'mvn', ['-v'], { env, encoding: 'utf8', timeout: 60_000 });
    if (mvn.error || mvn.status !== 0) missing.push('Maven (mvn did not run; needed once, to fetch the Kafka jars)');
  }
  if (missing.length > 0) throw new Error(`The local Kafka broker needs ${missing.join(' and ')}: ${INSTALL_JAVA_AND_MAVEN}`);
}

/**
 * What this machine lacks for `npm start` and `npm test`, as one message, or undefined: the local Kafka
 * broker's needs, when the broker will be a local process (no KAFKA_BROKERS, no Docker engine). The one
 * home of the check: tools/preflight.js runs it first, before anything is built or started.
 */
export async function machineRequirementsProblem(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const dockerAvailable = needsDockerCheck(env) && (await isDockerAvailable(env));
  if (chooseProvisioning({ env, dockerAvailable }).kafka !== 'local') return undefined;
  try {
    assertKafkaRequirements({ needMaven: !hasKafkaJars(root), env });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
