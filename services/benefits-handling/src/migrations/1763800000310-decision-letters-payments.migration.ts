import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An income-support decision as issued and paid: its letter (PDF, with the decision's retention class),
 * one payment per granted line (never two: the line is the payment's unique key), and the pain.001
 * batches the payments went to the bank in.
 */
export class DecisionLettersPayments1763800000310 implements MigrationInterface {
  name = 'DecisionLettersPayments1763800000310';

  async up(runner: QueryRunner): Promise<void> {
    // Tiedoksiantotapa: decisions so far were all posted.
    await runner.query(`ALTER TABLE income_support_decision ADD COLUMN delivery_method text NOT NULL DEFAULT 'POST' CHECK (delivery_method IN ('POST', 'ELECTRONIC', 'IN_PERSON', 'PROOF_OF_SERVICE'))`);
    await runner.query(`
      CREATE TABLE income_support_decision_letter (
        decision_id      uuid        PRIMARY KEY REFERENCES income_support_decision (id),
        language         text        NOT NULL CHECK (language IN ('FI', 'SV')),
        content_type     text        NOT NULL,
        content          bytea       NOT NULL,
        sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        retention_class  text        NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE income_support_payment_batch (
        id                        uuid        PRIMARY KEY,
        message_id                text        NOT NULL UNIQUE CHECK (length(message_id) <= 35),
        requested_execution_date  date        NOT NULL,
        number_of_transactions    integer     NOT NULL CHECK (number_of_transactions > 0),
        control_sum_cents         bigint      NOT NULL CHECK (control_sum_cents > 0),
        document                  text        NOT NULL,
        created_by                text        NOT NULL,
        created_at                timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE income_support_payment (
        id             uuid        PRIMARY KEY,
        decision_id    uuid        NOT NULL,
        line_position  integer     NOT NULL,
        client_id      uuid        NOT NULL,
        payee          text        NOT NULL CHECK (payee IN ('CLIENT', 'LANDLORD', 'PAYMENT_INTERMEDIARY_ACCOUNT')),
        creditor_name  text        NOT NULL,
        creditor_iban  text        NOT NULL,
        amount_cents   integer     NOT NULL CHECK (amount_cents > 0),
        due_on         date        NOT NULL,
        status         text        NOT NULL CHECK (status IN ('SCHEDULED', 'BATCHED')),
        batch_id       uuid        REFERENCES income_support_payment_batch (id),
        created_by     text        NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (decision_id, line_position) REFERENCES income_support_decision_line (decision_id, position),
        UNIQUE (decision_id, line_position),
        CHECK ((status = 'BATCHED') = (batch_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX income_support_payment_scheduled ON income_support_payment (due_on) WHERE status = 'SCHEDULED'`);
    await runner.query(`CREATE INDEX income_support_payment_client ON income_support_payment (client_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_payment`);
    await runner.query(`DROP TABLE income_support_payment_batch`);
    await runner.query(`DROP TABLE income_support_decision_letter`);
    await runner.query(`ALTER TABLE income_support_decision DROP COLUMN delivery_method`);
  }
}
