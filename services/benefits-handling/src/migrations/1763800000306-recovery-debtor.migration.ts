import { MigrationInterface, QueryRunner } from 'typeorm';

/** From whom a claim is recovered (toimeentulotukilaki 20 §): the client, or a named maintenance-liable person (issue 17). */
export class RecoveryDebtor1763800000306 implements MigrationInterface {
  name = 'RecoveryDebtor1763800000306';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE recovery_claim
        ADD COLUMN recovered_from     text NOT NULL DEFAULT 'CLIENT' CHECK (recovered_from IN ('CLIENT', 'MAINTENANCE_LIABLE_PERSON')),
        ADD COLUMN liable_person_name text,
        ADD CHECK ((recovered_from = 'MAINTENANCE_LIABLE_PERSON') = (liable_person_name IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE recovery_claim DROP COLUMN liable_person_name, DROP COLUMN recovered_from`);
  }
}
