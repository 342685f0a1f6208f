import { MigrationInterface, QueryRunner } from 'typeorm';

/** Asiakassuunnitelma (SHL §39): every version kept, and goal attainment recorded at each review. */
export class ClientPlans1763800000107 implements MigrationInterface {
  name = 'ClientPlans1763800000107';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE client_plan (
        id          uuid        PRIMARY KEY,
        case_id     uuid        NOT NULL REFERENCES client_case (id),
        client_id   uuid        NOT NULL REFERENCES client (id),
        version     integer     NOT NULL CHECK (version >= 1),
        plan_date   date        NOT NULL,
        review_date date        NOT NULL CHECK (review_date > plan_date),
        goals       jsonb       NOT NULL,
        measures    jsonb       NOT NULL,
        made_at     timestamptz NOT NULL DEFAULT now(),
        made_by     text        NOT NULL,
        UNIQUE (case_id, version)
      )`);
    await runner.query(`
      CREATE TABLE client_plan_review (
        id          uuid        PRIMARY KEY,
        plan_id     uuid        NOT NULL REFERENCES client_plan (id),
        reviewed_on date        NOT NULL,
        attainments text[]      NOT NULL,
        overall     text        NOT NULL,
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by text        NOT NULL
      )`);
    await runner.query(`CREATE INDEX client_plan_review_plan ON client_plan_review (plan_id, reviewed_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE client_plan_review`);
    await runner.query(`DROP TABLE client_plan`);
  }
}
