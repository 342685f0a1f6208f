import { MigrationInterface, QueryRunner } from 'typeorm';

export class IncomeSupportApplications1763800000300 implements MigrationInterface {
  name = 'IncomeSupportApplications1763800000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE income_support_application (
        id           uuid        PRIMARY KEY,
        client_id    uuid        NOT NULL,
        kind         text        NOT NULL CHECK (kind IN ('SUPPLEMENTARY', 'PREVENTIVE')),
        status       text        NOT NULL CHECK (status IN ('RECEIVED', 'AWAITING_COMPLETION', 'DECIDED')),
        received_on  date        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX income_support_application_client ON income_support_application (client_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_application`);
  }
}
