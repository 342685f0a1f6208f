import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of create mutations, per caller: the hash of the request a key was first used
 * with and, once it succeeded, its answer. Pruned when the configured period ends.
 */
export class IdempotencyKeys1764700000001 implements MigrationInterface {
  name = 'IdempotencyKeys1764700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_key (
        caller        text        NOT NULL,
        key           text        NOT NULL,
        scope         text        NOT NULL,
        request_hash  text        NOT NULL,
        response      jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        completed_at  timestamptz,
        expires_at    timestamptz NOT NULL,
        PRIMARY KEY (caller, key, scope)
      )`);
    await runner.query(`CREATE INDEX idempotency_key_expires ON idempotency_key (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_key`);
  }
}
