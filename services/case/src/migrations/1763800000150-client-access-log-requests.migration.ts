import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lokitietopyyntö (laki 703/2023 11 §): a client's request to know who processed or received their
 * data, its answer deadline and the period it covers, and the answer letter (PDF) once answered.
 */
export class ClientAccessLogRequests1763800000150 implements MigrationInterface {
  name = 'ClientAccessLogRequests1763800000150';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE client_access_log_request (
        id              uuid        PRIMARY KEY,
        client_id       uuid        NOT NULL REFERENCES client (id),
        received_on     date        NOT NULL,
        received_by     text        NOT NULL,
        period_from     date        NOT NULL,
        older_entries   boolean     NOT NULL,
        special_reason  text,
        answer_due_on   date        NOT NULL,
        status          text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
        answered_at     timestamptz,
        answered_by     text,
        recorded_by     text        NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (period_from <= received_on),
        CHECK (answer_due_on > received_on),
        CHECK (NOT older_entries OR special_reason IS NOT NULL),
        CHECK ((status = 'ANSWERED') = (answered_at IS NOT NULL AND answered_by IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX client_access_log_request_open ON client_access_log_request (answer_due_on) WHERE status = 'OPEN'`);
    await runner.query(`CREATE INDEX client_access_log_request_client ON client_access_log_request (client_id, received_on)`);
    await runner.query(`
      CREATE TABLE client_access_log_letter (
        request_id       uuid        PRIMARY KEY REFERENCES client_access_log_request (id),
        language         text        NOT NULL CHECK (language IN ('FI', 'SV')),
        content_type     text        NOT NULL,
        content          bytea       NOT NULL,
        sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        retention_class  text        NOT NULL,
        entry_count      integer     NOT NULL CHECK (entry_count >= 0),
        people           jsonb       NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE client_access_log_letter`);
    await runner.query(`DROP TABLE client_access_log_request`);
  }
}
