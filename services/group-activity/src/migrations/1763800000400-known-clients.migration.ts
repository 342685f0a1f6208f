import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownClients1763800000400 implements MigrationInterface {
  name = 'KnownClients1763800000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_client (
        client_id      uuid        PRIMARY KEY,
        registered_at  timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE known_client`);
  }
}
