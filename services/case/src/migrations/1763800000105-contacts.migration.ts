import { MigrationInterface, QueryRunner } from 'typeorm';

/** Yhteydenotot ja käynnit: every contact with a client, recorded here or reported by another service. */
export class Contacts1763800000105 implements MigrationInterface {
  name = 'Contacts1763800000105';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contact (
        id               uuid        PRIMARY KEY,
        client_id        uuid        NOT NULL REFERENCES client (id),
        contact_type     text        NOT NULL CHECK (contact_type IN ('OFFICE_VISIT', 'HOME_VISIT', 'PHONE', 'REMOTE', 'GROUP_SESSION')),
        occurred_on      date        NOT NULL,
        duration_minutes integer     CHECK (duration_minutes > 0),
        worker_id        text        NOT NULL,
        worker_role      text        NOT NULL,
        team             text,
        source           text        NOT NULL CHECK (source IN ('CASE', 'HOUSING_SUPPORT', 'GROUP_ACTIVITY')),
        source_id        uuid,
        recorded_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, source_id)
      )`);
    await runner.query(`CREATE INDEX contact_statistics ON contact (occurred_on, team)`);
    await runner.query(`CREATE INDEX contact_client ON contact (client_id, occurred_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contact`);
  }
}
