import { MigrationInterface, QueryRunner } from 'typeorm';

/** Asiakkuus (case), its service need assessment (§36), named worker and co-workers (§42), and status history. */
export class Cases1763800000103 implements MigrationInterface {
  name = 'Cases1763800000103';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE client_case (
        id                       uuid        PRIMARY KEY,
        client_id                uuid        NOT NULL REFERENCES client (id),
        service_task             text        NOT NULL,
        status                   text        NOT NULL CHECK (status IN ('INITIATED', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'CLOSED')),
        initiation_channel       text        NOT NULL,
        urgent                   boolean     NOT NULL,
        team                     text        NOT NULL,
        initiated_on             date        NOT NULL,
        opened_at                timestamptz NOT NULL DEFAULT now(),
        kela_notice_id           uuid,
        assessment_start_due_on  date        NOT NULL,
        assessment_due_on        date        NOT NULL,
        assessment_started_on    date,
        assessment_completed_on  date,
        support_needs            text[],
        special_support_needed   boolean,
        assessment_summary       text,
        age_at_assessment        integer,
        routing_findings         jsonb,
        responsible_worker_id    uuid        REFERENCES worker (id),
        activation_basis         text,
        closing_reason           text,
        closing_note             text,
        status_changed_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (assessment_start_due_on <= assessment_due_on)
      )`);
    // One open case per client and service task; a closed case is never reopened.
    await runner.query(`CREATE UNIQUE INDEX client_case_one_open_per_task ON client_case (client_id, service_task) WHERE status <> 'CLOSED'`);
    await runner.query(`CREATE INDEX client_case_client ON client_case (client_id)`);
    await runner.query(`CREATE INDEX client_case_team_queue ON client_case (team, status)`);
    await runner.query(`
      CREATE TABLE case_co_worker (
        case_id   uuid NOT NULL REFERENCES client_case (id),
        worker_id uuid NOT NULL REFERENCES worker (id),
        PRIMARY KEY (case_id, worker_id)
      )`);
    await runner.query(`
      CREATE TABLE case_status_change (
        id          uuid        PRIMARY KEY,
        case_id     uuid        NOT NULL REFERENCES client_case (id),
        from_status text,
        to_status   text        NOT NULL,
        changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        changed_by  text        NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_status_change_case ON case_status_change (case_id, changed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_status_change`);
    await runner.query(`DROP TABLE case_co_worker`);
    await runner.query(`DROP TABLE client_case`);
  }
}
