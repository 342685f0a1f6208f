import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_RATES, validateRates } from '../domain/rates.rules';

/** Effective-dated amounts (perusosa…) as data: the table code reads, seeded with DOMAIN.md's 2024–2026 figures. */
export class Rates1763800000303 implements MigrationInterface {
  name = 'Rates1763800000303';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE income_support_rate (
        name        text    NOT NULL,
        valid_from  date    NOT NULL,
        cents       integer NOT NULL CHECK (cents >= 0),
        PRIMARY KEY (name, valid_from)
      )`);
    for (const rate of validateRates(SEED_RATES)) {
      await runner.query(`INSERT INTO income_support_rate (name, valid_from, cents) VALUES ($1, $2, $3)`, [rate.name, rate.validFrom, rate.cents]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE income_support_rate`);
  }
}
