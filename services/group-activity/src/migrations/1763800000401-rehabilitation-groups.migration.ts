import { MigrationInterface, QueryRunner } from 'typeorm';

/** Eligibility read model, groups, sessions, enrollments with the waitlist, and attendance (issue 6). */
export class RehabilitationGroups1763800000401 implements MigrationInterface {
  name = 'RehabilitationGroups1763800000401';

  async up(runner: QueryRunner): Promise<void> {
    // When case said the client's last open case closed; cleared by a later decision (a new case).
    await runner.query(`ALTER TABLE known_client ADD COLUMN all_cases_closed_at timestamptz`);
    await runner.query(`
      CREATE TABLE service_decision (
        decision_id     uuid PRIMARY KEY,
        client_id       uuid NOT NULL,
        case_id         uuid NOT NULL,
        service_type    text NOT NULL,
        outcome         text NOT NULL,
        valid_from      date NOT NULL,
        valid_until     date CHECK (valid_until >= valid_from),
        case_closed_on  date
      )`);
    await runner.query(`CREATE INDEX service_decision_client ON service_decision (client_id)`);
    await runner.query(`CREATE INDEX service_decision_case ON service_decision (case_id)`);

    await runner.query(`
      CREATE TABLE rehabilitation_group (
        id                uuid        PRIMARY KEY,
        name              text        NOT NULL,
        kind              text        NOT NULL CHECK (kind IN ('IN_PERSON_WEEKLY', 'REMOTE_PERIOD')),
        capacity          integer     NOT NULL CHECK (capacity BETWEEN 1 AND 50),
        starts_on         date        NOT NULL,
        ends_on           date        NOT NULL CHECK (ends_on >= starts_on),
        start_time        text        NOT NULL,
        duration_minutes  integer     NOT NULL,
        themes            text[]      NOT NULL,
        weekday           text,
        session_count     integer,
        meeting_url       text,
        facilitator_ids   text[]      NOT NULL CHECK (cardinality(facilitator_ids) > 0),
        created_by        text        NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'IN_PERSON_WEEKLY') = (weekday IS NOT NULL)),
        CHECK ((kind = 'REMOTE_PERIOD') = (session_count IS NOT NULL AND meeting_url IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE group_session (
        id                uuid    PRIMARY KEY,
        group_id          uuid    NOT NULL REFERENCES rehabilitation_group (id),
        sequence          integer NOT NULL,
        date              date    NOT NULL,
        start_time        text    NOT NULL,
        duration_minutes  integer NOT NULL,
        theme             text    NOT NULL,
        UNIQUE (group_id, sequence)
      )`);

    await runner.query(`
      CREATE TABLE group_enrollment (
        id           uuid        PRIMARY KEY,
        group_id     uuid        NOT NULL REFERENCES rehabilitation_group (id),
        client_id    uuid        NOT NULL,
        status       text        NOT NULL CHECK (status IN ('ENROLLED', 'WAITLISTED', 'ENDED')),
        joined_at    timestamptz NOT NULL,
        enrolled_at  timestamptz,
        ended_at     timestamptz,
        end_reason   text,
        CHECK ((status = 'ENDED') = (ended_at IS NOT NULL)),
        CHECK (status <> 'ENROLLED' OR enrolled_at IS NOT NULL)
      )`);
    // Nobody twice in one group or its queue.
    await runner.query(`CREATE UNIQUE INDEX group_enrollment_one_open ON group_enrollment (group_id, client_id) WHERE status <> 'ENDED'`);
    await runner.query(`CREATE INDEX group_enrollment_client ON group_enrollment (client_id)`);

    await runner.query(`
      CREATE TABLE attendance (
        id            uuid        PRIMARY KEY,
        session_id    uuid        NOT NULL REFERENCES group_session (id),
        group_id      uuid        NOT NULL REFERENCES rehabilitation_group (id),
        client_id     uuid        NOT NULL,
        status        text        NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
        recorded_by   text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, client_id)
      )`);
    await runner.query(`CREATE INDEX attendance_group ON attendance (group_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE attendance, group_enrollment, group_session, rehabilitation_group, service_decision`);
    await runner.query(`ALTER TABLE known_client DROP COLUMN all_cases_closed_at`);
  }
}
