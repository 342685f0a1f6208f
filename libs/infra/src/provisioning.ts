/** Where one piece of infrastructure comes from. */
export type Provisioner = 'env' | 'docker' | 'local';

export interface ProvisioningChoice {
  postgres: Provisioner;
  kafka: Provisioner;
}

export function hasValue(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** `KAFKA_BROKERS` as a list: comma separated, blanks dropped. */
export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}

/**
 * The provisioning decision, kept pure so it can be tested as a table: an explicit DATABASE_URL /
 * KAFKA_BROKERS wins (each on its own), then containers when a Docker engine answers, else local processes.
 */
export function chooseProvisioning({ env, dockerAvailable }: { env: NodeJS.ProcessEnv; dockerAvailable: boolean }): ProvisioningChoice {
  const fallback: Provisioner = dockerAvailable ? 'docker' : 'local';
  return {
    postgres: hasValue(env.DATABASE_URL) ? 'env' : fallback,
    kafka: hasValue(env.KAFKA_BROKERS) && parseBrokers(env.KAFKA_BROKERS).length > 0 ? 'env' : fallback,
  };
}

/** Docker detection costs up to a second or two, so it is skipped when the environment names both. */
export function needsDockerCheck(env: NodeJS.ProcessEnv): boolean {
  const choice = chooseProvisioning({ env, dockerAvailable: false });
  return choice.postgres !== 'env' || choice.kafka !== 'env';
}
