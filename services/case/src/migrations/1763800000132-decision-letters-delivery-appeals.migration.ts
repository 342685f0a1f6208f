import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service decision as issued: its letter (PDF, with the decision's retention class), its delivery
 * (tiedoksianto, once) and the requests for review (oikaisuvaatimus) it receives.
 * Rows decided before this migration with `sent_on` keep their dates from it (read as POST).
 */
export class DecisionLettersDeliveryAppeals1763800000132 implements MigrationInterface {
  name = 'DecisionLettersDeliveryAppeals1763800000132';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_decision_letter (
        decision_id      uuid        PRIMARY KEY REFERENCES service_decision (id),
        language         text        NOT NULL CHECK (language IN ('FI', 'SV')),
        content_type     text        NOT NULL,
        content          bytea       NOT NULL,
        sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        retention_class  text        NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE service_decision_delivery (
        decision_id      uuid        PRIMARY KEY REFERENCES service_decision (id),
        method           text        NOT NULL CHECK (method IN ('POST', 'ELECTRONIC', 'IN_PERSON', 'PROOF_OF_SERVICE')),
        sent_on          date        NOT NULL,
        received_on      date        NOT NULL,
        appeal_deadline  date        NOT NULL,
        recorded_by      text        NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (received_on >= sent_on),
        CHECK (appeal_deadline > received_on)
      )`);
    await runner.query(`
      CREATE TABLE service_decision_appeal (
        id                      uuid        PRIMARY KEY,
        decision_id             uuid        NOT NULL REFERENCES service_decision (id),
        case_id                 uuid        NOT NULL REFERENCES client_case (id),
        client_id               uuid        NOT NULL REFERENCES client (id),
        received_on             date        NOT NULL,
        appeal_deadline         date        NOT NULL,
        in_time                 boolean     NOT NULL,
        status                  text        NOT NULL CHECK (status IN ('PENDING', 'RESOLVED')),
        resolution              text        CHECK (resolution IN ('REJECTED', 'DECISION_CHANGED', 'NOT_EXAMINED')),
        resolved_on             date,
        new_decision_id         uuid        UNIQUE REFERENCES service_decision (id),
        recorded_by             text        NOT NULL,
        recorded_at             timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'RESOLVED') = (resolution IS NOT NULL AND resolved_on IS NOT NULL)),
        CHECK ((resolution = 'DECISION_CHANGED') = (new_decision_id IS NOT NULL)),
        CHECK (resolved_on IS NULL OR resolved_on >= received_on)
      )`);
    await runner.query(`CREATE INDEX service_decision_appeal_decision ON service_decision_appeal (decision_id, received_on)`);
    await runner.query(`CREATE INDEX service_decision_appeal_client ON service_decision_appeal (client_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE service_decision_appeal`);
    await runner.query(`DROP TABLE service_decision_delivery`);
    await runner.query(`DROP TABLE service_decision_letter`);
  }
}
