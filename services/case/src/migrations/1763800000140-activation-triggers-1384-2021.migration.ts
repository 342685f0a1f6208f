import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activation facts as 189/2001 3 § (as amended by 314/2010 and 1384/2021) needs them (issue 17): whether
 * a job-search discussion was held (the under-25 income-support trigger needs no employment plan), and
 * since when the client's main income has been income support paid because of unemployment, so that the
 * 4- and 12-month windows are counted back from the day assessed. The old month count is kept for rows
 * recorded earlier but no longer triggers anything (it said neither "because of unemployment" nor when).
 */
export class ActivationTriggers13842021_1763800000140 implements MigrationInterface {
  name = 'ActivationTriggers13842021_1763800000140';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE activation_facts
      ADD COLUMN job_search_discussion_held boolean NOT NULL DEFAULT false,
      ADD COLUMN unemployment_income_support_since date,
      ALTER COLUMN months_income_support_as_main_income SET DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE activation_facts DROP COLUMN job_search_discussion_held, DROP COLUMN unemployment_income_support_since, ALTER COLUMN months_income_support_as_main_income DROP DEFAULT`);
  }
}
