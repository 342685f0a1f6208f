import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kela notices (eTotu) case learned from benefits-handling: the case each opened or joined, and facts for activation. */
export class KelaNotices1763800000106 implements MigrationInterface {
  name = 'KelaNotices1763800000106';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE kela_notice (
        notice_id   uuid        PRIMARY KEY,
        client_id   uuid        NOT NULL REFERENCES client (id),
        notice_type text        NOT NULL,
        urgent      boolean     NOT NULL,
        received_at timestamptz NOT NULL,
        case_id     uuid        REFERENCES client_case (id),
        case_opened boolean     NOT NULL
      )`);
    await runner.query(`CREATE INDEX kela_notice_client ON kela_notice (client_id, received_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE kela_notice`);
  }
}
