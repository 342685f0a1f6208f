import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's asiointikieli as the application (or Kela's transfer) states it, so the income-support
 * decision letter is written in the client's language rather than in Finnish by default (issue 17).
 * Applications registered earlier state none (Finnish).
 */
export class ApplicationLanguage1763800000321 implements MigrationInterface {
  name = 'ApplicationLanguage1763800000321';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE income_support_application ADD COLUMN preferred_language text CHECK (preferred_language IN ('FI', 'SV'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE income_support_application DROP COLUMN preferred_language`);
  }
}
