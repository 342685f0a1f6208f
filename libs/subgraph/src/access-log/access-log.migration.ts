import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log every service keeps in its own database (Act 703/2023): käyttöloki (ACCESS: a worker
 * read or changed client data) and luovutusloki (DISCLOSURE: an answer to a partner organisation).
 * Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, whoever asks.
 */
export class AccessLogTable1763800000001 implements MigrationInterface {
  name = 'AccessLogTable1763800000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE access_log (
        id              bigserial   PRIMARY KEY,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        log             text        NOT NULL CHECK (log IN ('ACCESS', 'DISCLOSURE')),
        correlation_id  uuid        NOT NULL,
        actor_kind      text        NOT NULL CHECK (actor_kind IN ('user', 'partner')),
        actor_id        text        NOT NULL,
        actor_roles     text[]      NOT NULL,
        organisation    text        NOT NULL,
        client_id       uuid,
        operation       text        NOT NULL,
        action          text        NOT NULL CHECK (action IN ('READ', 'CHANGE')),
        categories      text[]      NOT NULL,
        basis           text        NOT NULL,
        outcome         text        NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED'))
      )`);
    await runner.query(`CREATE INDEX access_log_client ON access_log (client_id, recorded_at)`);
    await runner.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP; END $$`);
    await runner.query(`CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await runner.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE access_log`);
    await runner.query(`DROP FUNCTION access_log_append_only()`);
  }
}
