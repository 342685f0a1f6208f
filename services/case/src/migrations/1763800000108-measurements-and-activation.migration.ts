import { MigrationInterface, QueryRunner } from 'typeorm';

/** EUROHIS-QOL 8 measurements, the facts activation triggers need, and income support decisions learned from benefits-handling. */
export class MeasurementsAndActivation1763800000108 implements MigrationInterface {
  name = 'MeasurementsAndActivation1763800000108';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE measurement (
        id          uuid        PRIMARY KEY,
        client_id   uuid        NOT NULL REFERENCES client (id),
        case_id     uuid        REFERENCES client_case (id),
        instrument  text        NOT NULL CHECK (instrument IN ('EUROHIS_QOL8')),
        occasion    text        NOT NULL CHECK (occasion IN ('START', 'REVIEW', 'END')),
        measured_on date        NOT NULL,
        answers     smallint[]  NOT NULL CHECK (cardinality(answers) = 8),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text        NOT NULL
      )`);
    await runner.query(`CREATE INDEX measurement_client ON measurement (client_id, measured_on)`);
    await runner.query(`
      CREATE TABLE activation_facts (
        client_id                             uuid        PRIMARY KEY REFERENCES client (id),
        has_employment_plan                   boolean     NOT NULL,
        had_earlier_employment_plan           boolean     NOT NULL,
        labour_market_subsidy_days_last_12m   integer     NOT NULL CHECK (labour_market_subsidy_days_last_12m >= 0),
        reached_earnings_related_500_days     boolean     NOT NULL,
        labour_market_subsidy_days_after_500  integer     NOT NULL CHECK (labour_market_subsidy_days_after_500 >= 0),
        months_income_support_as_main_income  integer     NOT NULL CHECK (months_income_support_as_main_income >= 0),
        recorded_on                           date        NOT NULL,
        recorded_at                           timestamptz NOT NULL DEFAULT now(),
        recorded_by                           text        NOT NULL
      )`);
    // No foreign key: benefits-handling may decide for a person before case has registered them.
    await runner.query(`
      CREATE TABLE income_support_decision (
        decision_id          uuid        PRIMARY KEY,
        client_id            uuid        NOT NULL,
        application_id       uuid        NOT NULL,
        kind                 text        NOT NULL,
        outcome              text        NOT NULL,
        granted_total_cents  bigint      NOT NULL,
        decided_at           timestamptz NOT NULL,
        corrects_decision_id uuid
      )`);
    await runner.query(`CREATE INDEX income_support_decision_client ON income_support_decision (client_id, decided_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_decision`);
    await runner.query(`DROP TABLE activation_facts`);
    await runner.query(`DROP TABLE measurement`);
  }
}
