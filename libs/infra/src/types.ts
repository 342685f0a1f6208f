export type Purpose = 'dev' | 'test';

export interface ProvidedPostgres {
  /** An admin-capable connection (database `postgres`) on which per-service databases are created. */
  serverUrl: string;
  /** Where it comes from, for humans; never holds a secret. */
  source: string;
  stop(): Promise<void>;
}

export interface ProvidedKafka {
  brokers: string[];
  source: string;
  stop(): Promise<void>;
}

export interface Infrastructure {
  postgres: { serverUrl: string; source: string };
  kafka: { brokers: string[]; source: string };
  /** Stops whatever was started for this Infrastructure (nothing for DATABASE_URL / KAFKA_BROKERS). Idempotent. */
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  purpose: Purpose;
  log: (message: string) => void;
  env?: NodeJS.ProcessEnv;
  /** dev only: ports of the local servers (defaults 5433 and 9092; Kafka's controller takes the next port). */
  ports?: { postgres?: number; kafka?: number };
  /** dev only: the name of the local servers' kept data folders (.cache/postgres/<instance>, .cache/kafka/<instance>); default `dev`. */
  instance?: string;
  /**
   * Local Kafka only: the number of nodes (default ASW_KAFKA_NODES, else 1). 3 is a cluster with
   * replication factor 3 and min.insync.replicas 2; dev ports then run from the Kafka port upwards.
   */
  kafkaNodes?: number;
}
