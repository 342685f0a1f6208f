import { MigrationInterface, QueryRunner } from 'typeorm';

export class HousingSupportPeriods1763800000200 implements MigrationInterface {
  name = 'HousingSupportPeriods1763800000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE housing_support_period (
        id         uuid        PRIMARY KEY,
        client_id  uuid        NOT NULL,
        status     text        NOT NULL CHECK (status IN ('PLANNING', 'ACTIVE', 'ENDED')),
        starts_on  date,
        ends_on    date,
        opened_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on > starts_on)
      )`);
    await runner.query(`CREATE INDEX housing_support_period_client ON housing_support_period (client_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE housing_support_period`);
  }
}
