import { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans, visits, välitystili, subleases and rent arrears (issue 6). */
export class HousingSupportWork1763800000201 implements MigrationInterface {
  name = 'HousingSupportWork1763800000201';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE housing_support_period
        ADD COLUMN decision_id     uuid NOT NULL,
        ADD COLUMN case_id         uuid NOT NULL,
        ADD COLUMN goals           jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN visit_frequency text CHECK (visit_frequency IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY')),
        ADD COLUMN visit_weekday   text CHECK (visit_weekday IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
        ADD COLUMN ended_on        date,
        ADD COLUMN end_cause       text CHECK (end_cause IN ('TERM_EXPIRED', 'ENDED_BY_WORKER', 'CASE_CLOSED')),
        ADD COLUMN outcome         text,
        ADD CHECK ((status = 'ENDED') = (ended_on IS NOT NULL AND end_cause IS NOT NULL))`);
    // One period per decision: a redelivered or replayed decision never opens a second one.
    await runner.query(`CREATE UNIQUE INDEX housing_support_period_decision ON housing_support_period (decision_id)`);
    await runner.query(`CREATE INDEX housing_support_period_case ON housing_support_period (case_id)`);

    await runner.query(`
      CREATE TABLE support_visit (
        id                uuid        PRIMARY KEY,
        period_id         uuid        NOT NULL REFERENCES housing_support_period (id),
        client_id         uuid        NOT NULL,
        visited_on        date        NOT NULL,
        duration_minutes  integer     CHECK (duration_minutes > 0),
        guidance_areas    text[]      NOT NULL CHECK (cardinality(guidance_areas) > 0),
        worker_id         text        NOT NULL,
        worker_role       text        NOT NULL,
        recorded_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX support_visit_period ON support_visit (period_id, visited_on)`);

    await runner.query(`
      CREATE TABLE payment_intermediary_account (
        id         uuid  PRIMARY KEY,
        client_id  uuid  NOT NULL,
        status     text  NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
        opened_on  date  NOT NULL,
        closed_on  date  CHECK (closed_on >= opened_on),
        opened_by  text  NOT NULL,
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL))
      )`);
    // The invariants hold in the database too: one open välitystili and one running sublease per client.
    await runner.query(`CREATE UNIQUE INDEX payment_intermediary_account_one_active ON payment_intermediary_account (client_id) WHERE status = 'ACTIVE'`);
    await runner.query(`
      CREATE TABLE sublease (
        id                  uuid    PRIMARY KEY,
        client_id           uuid    NOT NULL,
        account_id          uuid    NOT NULL REFERENCES payment_intermediary_account (id),
        status              text    NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
        address             text    NOT NULL,
        monthly_rent_cents  integer NOT NULL CHECK (monthly_rent_cents > 0),
        starts_on           date    NOT NULL,
        ended_on            date    CHECK (ended_on >= starts_on),
        CHECK ((status = 'ENDED') = (ended_on IS NOT NULL))
      )`);
    await runner.query(`CREATE UNIQUE INDEX sublease_one_active ON sublease (client_id) WHERE status = 'ACTIVE'`);

    await runner.query(`
      CREATE TABLE rent_arrears (
        id              uuid        PRIMARY KEY,
        client_id       uuid        NOT NULL,
        amount_cents    integer     NOT NULL CHECK (amount_cents > 0),
        landlord        text        NOT NULL,
        months          integer     NOT NULL CHECK (months > 0),
        reported_on     date        NOT NULL,
        reported_by     text        NOT NULL,
        plan_agreed_at  timestamptz,
        reported_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX rent_arrears_client ON rent_arrears (client_id)`);
    await runner.query(`
      CREATE TABLE repayment_instalment (
        arrears_id    uuid    NOT NULL REFERENCES rent_arrears (id),
        due_on        date    NOT NULL,
        amount_cents  integer NOT NULL CHECK (amount_cents > 0),
        PRIMARY KEY (arrears_id, due_on)
      )`);
    await runner.query(`
      CREATE TABLE repayment_payment (
        id            uuid        PRIMARY KEY,
        arrears_id    uuid        NOT NULL REFERENCES rent_arrears (id),
        paid_on       date        NOT NULL,
        amount_cents  integer     NOT NULL CHECK (amount_cents > 0),
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX repayment_payment_arrears ON repayment_payment (arrears_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE repayment_payment, repayment_instalment, rent_arrears, sublease, payment_intermediary_account, support_visit`);
    await runner.query(`DROP INDEX housing_support_period_decision, housing_support_period_case`);
    await runner.query(`
      ALTER TABLE housing_support_period
        DROP COLUMN decision_id, DROP COLUMN case_id, DROP COLUMN goals, DROP COLUMN visit_frequency,
        DROP COLUMN visit_weekday, DROP COLUMN ended_on, DROP COLUMN end_cause, DROP COLUMN outcome`);
  }
}
