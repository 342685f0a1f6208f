import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The validity of the decision a period was opened by (issue 17): a plan may not run beyond it.
 * Periods opened before this migration have no known validity (null) and keep only the fixed-term rule.
 */
export class SupportPeriodDecisionValidity1763800000202 implements MigrationInterface {
  name = 'SupportPeriodDecisionValidity1763800000202';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE housing_support_period
        ADD COLUMN decision_valid_from  date,
        ADD COLUMN decision_valid_until date,
        ADD CHECK (decision_valid_until IS NULL OR decision_valid_from IS NULL OR decision_valid_until >= decision_valid_from)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE housing_support_period DROP COLUMN decision_valid_until, DROP COLUMN decision_valid_from`);
  }
}
