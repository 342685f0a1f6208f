import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employment-services office (or municipality) a plan is shared with, as its partner token's
 * `org` claim names it (issue 17): only that office reads and co-signs the plan. A plan shared before
 * this migration names no office and is visible to none until the county shares it again.
 */
export class ActivationPlanSharedWith1763800000131 implements MigrationInterface {
  name = 'ActivationPlanSharedWith1763800000131';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE activation_plan ADD COLUMN shared_with text, ADD CHECK (shared_with IS NULL OR shared_at IS NOT NULL)`);
    await runner.query(`CREATE INDEX activation_plan_shared_with ON activation_plan (shared_with, shared_at DESC) WHERE shared_with IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE activation_plan DROP COLUMN shared_with`);
  }
}
