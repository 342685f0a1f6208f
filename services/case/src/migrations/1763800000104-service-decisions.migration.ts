import { MigrationInterface, QueryRunner } from 'typeorm';

/** Päätökset (SHL §45): service decisions on a case, with the dates their notification sets off. */
export class ServiceDecisions1763800000104 implements MigrationInterface {
  name = 'ServiceDecisions1763800000104';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_decision (
        id              uuid        PRIMARY KEY,
        case_id         uuid        NOT NULL REFERENCES client_case (id),
        client_id       uuid        NOT NULL REFERENCES client (id),
        service_type    text        NOT NULL,
        outcome         text        NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
        reasoning       text        NOT NULL,
        valid_from      date,
        valid_until     date,
        client_goals    text[]      NOT NULL DEFAULT '{}',
        decided_on      date        NOT NULL,
        decided_at      timestamptz NOT NULL DEFAULT now(),
        decided_by      text        NOT NULL,
        sent_on         date,
        CHECK ((outcome = 'GRANTED') = (valid_from IS NOT NULL)),
        CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CHECK (sent_on IS NULL OR sent_on >= decided_on)
      )`);
    await runner.query(`CREATE INDEX service_decision_case ON service_decision (case_id, decided_at)`);
    await runner.query(`CREATE INDEX service_decision_client ON service_decision (client_id, decided_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE service_decision`);
  }
}
