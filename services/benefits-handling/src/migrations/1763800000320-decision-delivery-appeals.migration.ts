import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Income-support decisions are made first and delivered after (issue 17), as service decisions in case:
 * the delivery (tiedoksianto) is its own row, recorded once, later than the decision, and the appeal
 * deadline runs from it; requests for review (oikaisuvaatimus, HL 49 a–49 g §) are recorded and handled
 * to a new decision. The delivery a decision was given when it was made so far moves to the new table;
 * the decision row no longer holds it (one home).
 */
export class DecisionDeliveryAppeals1763800000320 implements MigrationInterface {
  name = 'DecisionDeliveryAppeals1763800000320';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE income_support_decision_delivery (
        decision_id      uuid        PRIMARY KEY REFERENCES income_support_decision (id),
        method           text        NOT NULL CHECK (method IN ('POST', 'ELECTRONIC', 'IN_PERSON', 'PROOF_OF_SERVICE')),
        sent_on          date        NOT NULL,
        received_on      date        NOT NULL CHECK (received_on >= sent_on),
        appeal_deadline  date        NOT NULL CHECK (appeal_deadline > received_on),
        recorded_by      text        NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      INSERT INTO income_support_decision_delivery (decision_id, method, sent_on, received_on, appeal_deadline, recorded_by, recorded_at)
      SELECT id, delivery_method, sent_on, deemed_received_on, appeal_deadline, decided_by, created_at FROM income_support_decision`);
    await runner.query(`ALTER TABLE income_support_decision DROP COLUMN delivery_method, DROP COLUMN sent_on, DROP COLUMN deemed_received_on, DROP COLUMN appeal_deadline`);
    await runner.query(`
      CREATE TABLE income_support_decision_appeal (
        id               uuid        PRIMARY KEY,
        decision_id      uuid        NOT NULL REFERENCES income_support_decision (id),
        application_id   uuid        NOT NULL,
        client_id        uuid        NOT NULL,
        received_on      date        NOT NULL,
        appeal_deadline  date        NOT NULL,
        in_time          boolean     NOT NULL,
        status           text        NOT NULL CHECK (status IN ('PENDING', 'RESOLVED')),
        resolution       text        CHECK (resolution IN ('REJECTED', 'DECISION_CHANGED', 'NOT_EXAMINED')),
        resolved_on      date,
        new_decision_id  uuid        REFERENCES income_support_decision (id),
        recorded_by      text        NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (resolution IS NULL AND resolved_on IS NULL)),
        CHECK ((resolution = 'DECISION_CHANGED') = (new_decision_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX income_support_decision_appeal_decision ON income_support_decision_appeal (decision_id, received_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_decision_appeal`);
    await runner.query(`ALTER TABLE income_support_decision ADD COLUMN delivery_method text, ADD COLUMN sent_on date, ADD COLUMN deemed_received_on date, ADD COLUMN appeal_deadline date`);
    await runner.query(`
      UPDATE income_support_decision d SET delivery_method = v.method, sent_on = v.sent_on, deemed_received_on = v.received_on, appeal_deadline = v.appeal_deadline
        FROM income_support_decision_delivery v WHERE v.decision_id = d.id`);
    await runner.query(`DROP TABLE income_support_decision_delivery`);
  }
}
