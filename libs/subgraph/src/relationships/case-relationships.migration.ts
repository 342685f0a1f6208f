import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who works on each case, in every service's own database: case writes it with each change, the
 * other services keep it from `CaseRelationshipsChanged`. Relationship-based access reads it.
 */
export class CaseRelationshipsTable1763800000003 implements MigrationInterface {
  name = 'CaseRelationshipsTable1763800000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_relationships (
        case_id      uuid        PRIMARY KEY,
        client_id    uuid        NOT NULL,
        team         text        NOT NULL,
        open         boolean     NOT NULL,
        named_worker text,
        co_workers   text[]      NOT NULL,
        changed_at   timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_relationships_client ON case_relationships (client_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_relationships`);
  }
}

/** Whether working on a case opens the client's other records (false: a case opened on intake only). */
export class CaseRelationshipsClientWide1763800000004 implements MigrationInterface {
  name = 'CaseRelationshipsClientWide1763800000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_relationships ADD COLUMN client_wide boolean NOT NULL DEFAULT true`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_relationships DROP COLUMN client_wide`);
  }
}
