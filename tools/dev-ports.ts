import { GATEWAY_PORT, SUBGRAPHS } from './graph';
import type { ServiceName } from '@asw/events';

export interface DevPorts {
  gateway: number;
  subgraphs: Record<ServiceName, number>;
  postgres?: number;
  kafka?: number;
}

/** A port setting that is not a port: reported in one line, like every other bad setting. */
export class PortSettingError extends Error {}

function parsePort(name: string, value: string | undefined, span = 0): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port + span > 65535) {
    throw new PortSettingError(`${name}: must be a port number from 1 to ${65535 - span}`);
  }
  return port;
}

/**
 * The ports `npm start` uses. `--base-port N` (or ASW_BASE_PORT): the gateway on N and the four subgraphs
 * on N+1…N+4, in the order of SUBGRAPHS (default 4000, i.e. 4000–4004). `--postgres-port` /
 * ASW_POSTGRES_PORT (default 5433) and `--kafka-port` / ASW_KAFKA_PORT (default 9092; the controller takes
 * the next port) move the local servers. A flag wins over its variable.
 */
export function devPorts(flags: { basePort?: string; postgresPort?: string; kafkaPort?: string }, env: NodeJS.ProcessEnv): DevPorts {
  const base = parsePort(flags.basePort !== undefined ? '--base-port' : 'ASW_BASE_PORT', flags.basePort ?? env.ASW_BASE_PORT, SUBGRAPHS.length) ?? GATEWAY_PORT;
  const subgraphs = Object.fromEntries(
    SUBGRAPHS.map((entry, index) => [entry.name, base === GATEWAY_PORT ? entry.port : base + index + 1]),
  ) as Record<ServiceName, number>;
  return {
    gateway: base,
    subgraphs,
    postgres: parsePort(flags.postgresPort !== undefined ? '--postgres-port' : 'ASW_POSTGRES_PORT', flags.postgresPort ?? env.ASW_POSTGRES_PORT),
    kafka: parsePort(flags.kafkaPort !== undefined ? '--kafka-port' : 'ASW_KAFKA_PORT', flags.kafkaPort ?? env.ASW_KAFKA_PORT, 1),
  };
}

/** The gateway's SUBGRAPH_URLS when the subgraphs do not sit on the supergraph's ports. */
export function subgraphUrlOverrides(ports: DevPorts): string {
  return SUBGRAPHS.filter((entry) => ports.subgraphs[entry.name] !== entry.port)
    .map((entry) => `${entry.name}=http://localhost:${ports.subgraphs[entry.name]}/graphql`)
    .join(',');
}
