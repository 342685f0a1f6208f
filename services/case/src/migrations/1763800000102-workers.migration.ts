import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workers1763800000102 implements MigrationInterface {
  name = 'Workers1763800000102';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE worker (
        id            uuid        PRIMARY KEY,
        user_id       text        NOT NULL UNIQUE,
        name          text        NOT NULL,
        role          text        NOT NULL,
        team          text        NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX worker_team ON worker (team, role)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE worker`);
  }
}
