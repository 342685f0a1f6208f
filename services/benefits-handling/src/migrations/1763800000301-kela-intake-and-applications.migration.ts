import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kela intake, the known-client read model and the full application record: channel, queue, §14 a
 * dates, assignment, Kela's reference (unique: the idempotency key of a resend), claimed expense lines
 * and completion requests.
 */
export class KelaIntakeAndApplications1763800000301 implements MigrationInterface {
  name = 'KelaIntakeAndApplications1763800000301';

  async up(runner: QueryRunner): Promise<void> {
    // Read model of case's ClientRegistered, plus persons first met through Kela (ids assigned here).
    await runner.query(`
      CREATE TABLE known_client (
        client_id                    uuid        PRIMARY KEY,
        personal_identity_code_hash  text        UNIQUE,
        source                       text        NOT NULL CHECK (source IN ('CASE', 'KELA')),
        known_since                  timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE kela_notice (
        id                                 uuid        PRIMARY KEY,
        kela_reference                     text        NOT NULL UNIQUE,
        client_id                          uuid        NOT NULL,
        notice_type                        text        NOT NULL,
        urgent                             boolean     NOT NULL,
        kela_decision_on                   date,
        personal_identity_code_encrypted   text        NOT NULL,
        personal_identity_code_hash        text        NOT NULL,
        submitted_by                       text        NOT NULL,
        received_at                        timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX kela_notice_client ON kela_notice (client_id)`);

    await runner.query(`ALTER TABLE income_support_application DROP CONSTRAINT income_support_application_status_check`);
    await runner.query(`UPDATE income_support_application SET status = 'COMPLETION_REQUESTED' WHERE status = 'AWAITING_COMPLETION'`);
    await runner.query(`
      ALTER TABLE income_support_application
        ADD CONSTRAINT income_support_application_status_check CHECK (status IN ('DRAFT', 'RECEIVED', 'COMPLETION_REQUESTED', 'DECIDED')),
        ADD COLUMN channel                    text    NOT NULL DEFAULT 'PAPER'
          CHECK (channel IN ('KELA', 'PAPER', 'E_SERVICE', 'FRONT_DESK', 'RENT_ARREARS')),
        ADD COLUMN queue                      text    NOT NULL DEFAULT 'GENERAL' CHECK (queue IN ('GENERAL', 'STUDENTS', 'URGENT')),
        ADD COLUMN urgent                     boolean NOT NULL DEFAULT false,
        ADD COLUMN student                    boolean NOT NULL DEFAULT false,
        ADD COLUMN clock_starts_on            date,
        ADD COLUMN decision_due_on            date,
        ADD COLUMN completion_request_due_on  date,
        ADD COLUMN decided_on                 date,
        ADD COLUMN assigned_handler_id        text,
        ADD COLUMN kela_reference             text UNIQUE,
        ADD COLUMN submitted_by               text,
        ADD COLUMN rent_arrears_id            uuid UNIQUE`);
    await runner.query(`UPDATE income_support_application SET clock_starts_on = received_on`);
    await runner.query(`ALTER TABLE income_support_application ALTER COLUMN clock_starts_on SET NOT NULL`);
    await runner.query(`ALTER TABLE income_support_application ALTER COLUMN channel DROP DEFAULT, ALTER COLUMN queue DROP DEFAULT`);
    await runner.query(`CREATE INDEX income_support_application_queue ON income_support_application (queue, decision_due_on) WHERE status <> 'DECIDED'`);

    await runner.query(`
      CREATE TABLE claimed_expense (
        application_id  uuid    NOT NULL REFERENCES income_support_application (id),
        position        integer NOT NULL,
        expense_type    text    NOT NULL,
        claimed_cents   integer NOT NULL CHECK (claimed_cents > 0),
        description     text,
        PRIMARY KEY (application_id, position)
      )`);

    await runner.query(`
      CREATE TABLE completion_request (
        id                    uuid    PRIMARY KEY,
        application_id        uuid    NOT NULL REFERENCES income_support_application (id),
        requested_on          date    NOT NULL,
        deadline_on           date    NOT NULL,
        missing               text    NOT NULL,
        requested_by          text    NOT NULL,
        sent_within_deadline  boolean NOT NULL,
        resolution            text    CHECK (resolution IN ('COMPLETED', 'DEADLINE_PASSED')),
        resolved_on           date,
        created_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX completion_request_application ON completion_request (application_id)`);
    // At most one open request per application.
    await runner.query(`CREATE UNIQUE INDEX completion_request_open ON completion_request (application_id) WHERE resolution IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE completion_request`);
    await runner.query(`DROP TABLE claimed_expense`);
    await runner.query(`DROP INDEX income_support_application_queue`);
    await runner.query(`
      ALTER TABLE income_support_application
        DROP COLUMN channel, DROP COLUMN queue, DROP COLUMN urgent, DROP COLUMN student, DROP COLUMN clock_starts_on,
        DROP COLUMN decision_due_on, DROP COLUMN completion_request_due_on, DROP COLUMN decided_on,
        DROP COLUMN assigned_handler_id, DROP COLUMN kela_reference, DROP COLUMN submitted_by, DROP COLUMN rent_arrears_id,
        DROP CONSTRAINT income_support_application_status_check`);
    await runner.query(`UPDATE income_support_application SET status = 'AWAITING_COMPLETION' WHERE status = 'COMPLETION_REQUESTED'`);
    await runner.query(`ALTER TABLE income_support_application ADD CONSTRAINT income_support_application_status_check CHECK (status IN ('RECEIVED', 'AWAITING_COMPLETION', 'DECIDED'))`);
    await runner.query(`DROP TABLE kela_notice`);
    await runner.query(`DROP TABLE known_client`);
  }
}
