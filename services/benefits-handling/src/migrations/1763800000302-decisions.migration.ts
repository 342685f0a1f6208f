import { MigrationInterface, QueryRunner } from 'typeorm';

/** Decisions per expense line, in cents. A correction is a new row referencing the one it replaces. */
export class Decisions1763800000302 implements MigrationInterface {
  name = 'Decisions1763800000302';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE income_support_decision (
        id                              uuid        PRIMARY KEY,
        application_id                  uuid        NOT NULL REFERENCES income_support_application (id),
        client_id                       uuid        NOT NULL,
        outcome                         text        NOT NULL CHECK (outcome IN ('GRANTED', 'PARTIALLY_GRANTED', 'DENIED')),
        decided_on                      date        NOT NULL,
        decided_by                      text        NOT NULL,
        sent_on                         date        NOT NULL,
        deemed_received_on              date        NOT NULL,
        appeal_deadline                 date        NOT NULL,
        claimed_total_cents             integer     NOT NULL CHECK (claimed_total_cents >= 0),
        granted_total_cents             integer     NOT NULL CHECK (granted_total_cents >= 0),
        recovery_decided_when_granting  boolean     NOT NULL,
        corrects_decision_id            uuid        UNIQUE REFERENCES income_support_decision (id),
        superseded_by_id                uuid        UNIQUE REFERENCES income_support_decision (id),
        created_at                      timestamptz NOT NULL DEFAULT now()
      )`);
    // No second decision: one original per application; everything after it is a correction.
    await runner.query(`CREATE UNIQUE INDEX income_support_decision_original ON income_support_decision (application_id) WHERE corrects_decision_id IS NULL`);
    await runner.query(`CREATE INDEX income_support_decision_client ON income_support_decision (client_id)`);
    await runner.query(`
      CREATE TABLE income_support_decision_line (
        decision_id    uuid    NOT NULL REFERENCES income_support_decision (id),
        position       integer NOT NULL,
        expense_type   text    NOT NULL,
        claimed_cents  integer NOT NULL CHECK (claimed_cents > 0),
        granted_cents  integer NOT NULL CHECK (granted_cents >= 0 AND granted_cents <= claimed_cents),
        reason         text,
        legal_basis    text    NOT NULL CHECK (legal_basis IN ('SUPPLEMENTARY_7C', 'PREVENTIVE_13')),
        payee          text    NOT NULL CHECK (payee IN ('CLIENT', 'LANDLORD', 'PAYMENT_INTERMEDIARY_ACCOUNT')),
        PRIMARY KEY (decision_id, position)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_decision_line`);
    await runner.query(`DROP TABLE income_support_decision`);
  }
}
