import { MigrationInterface, QueryRunner } from 'typeorm';

/** Aktivointisuunnitelma (189/2001): drafted by the county, shared with and co-signed by employment services. */
export class ActivationPlans1763800000120 implements MigrationInterface {
  name = 'ActivationPlans1763800000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE activation_plan (
        id                            uuid        PRIMARY KEY,
        client_id                     uuid        NOT NULL REFERENCES client (id),
        goals                         jsonb       NOT NULL,
        measures                      jsonb       NOT NULL,
        valid_from                    date        NOT NULL,
        valid_until                   date        NOT NULL CHECK (valid_until > valid_from),
        review_date                   date        NOT NULL CHECK (review_date BETWEEN valid_from AND valid_until),
        trigger_basis                 text[]      NOT NULL,
        trigger_rule_set_version      text        NOT NULL,
        drafted_at                    timestamptz NOT NULL,
        drafted_by                    text        NOT NULL,
        shared_at                     timestamptz,
        shared_by                     text,
        county_signed_at              timestamptz,
        county_signed_by              text,
        employment_services_signed_at timestamptz,
        employment_services_signed_by text,
        CHECK ((shared_at IS NULL) = (shared_by IS NULL)),
        CHECK ((county_signed_at IS NULL) = (county_signed_by IS NULL)),
        CHECK ((employment_services_signed_at IS NULL) = (employment_services_signed_by IS NULL)),
        CHECK (employment_services_signed_at IS NULL OR shared_at IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX activation_plan_client ON activation_plan (client_id, drafted_at)`);
    await runner.query(`CREATE INDEX activation_plan_shared ON activation_plan (shared_at) WHERE shared_at IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE activation_plan`);
  }
}
