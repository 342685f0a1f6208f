import { MigrationInterface, QueryRunner } from 'typeorm';

export class Clients1763800000100 implements MigrationInterface {
  name = 'Clients1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE client (
        id            uuid        PRIMARY KEY,
        first_name    text        NOT NULL,
        last_name     text        NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE client`);
  }
}
