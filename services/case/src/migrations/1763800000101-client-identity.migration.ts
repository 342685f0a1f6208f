import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients are registered with a henkilötunnus (encrypted + keyed hash), municipality and language. */
export class ClientIdentity1763800000101 implements MigrationInterface {
  name = 'ClientIdentity1763800000101';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE client
        ADD COLUMN first_name_key                   text,
        ADD COLUMN last_name_key                    text,
        ADD COLUMN personal_identity_code_encrypted text,
        ADD COLUMN personal_identity_code_hash      char(64),
        ADD COLUMN date_of_birth                    date,
        ADD COLUMN municipality_code                char(3),
        ADD COLUMN preferred_language               text`);
    await runner.query(`UPDATE client SET first_name_key = lower(first_name), last_name_key = lower(last_name)`);
    // A person first met through a Kela notice is known by identity code only until a worker records the rest.
    await runner.query(`ALTER TABLE client ALTER COLUMN first_name DROP NOT NULL, ALTER COLUMN last_name DROP NOT NULL`);
    await runner.query(`
      ALTER TABLE client ADD CONSTRAINT client_details_together CHECK (
        (first_name IS NULL) = (last_name IS NULL) AND (first_name IS NULL) = (first_name_key IS NULL) AND (last_name IS NULL) = (last_name_key IS NULL)
        AND (first_name IS NULL) = (municipality_code IS NULL) AND (first_name IS NULL) = (preferred_language IS NULL)
      ) NOT VALID`);
    // NOT VALID: every new or changed row must carry the identity; rows from before this migration
    // (development data only) are left as they are rather than invented.
    await runner.query(`
      ALTER TABLE client ADD CONSTRAINT client_identity_required CHECK (
        personal_identity_code_encrypted IS NOT NULL AND personal_identity_code_hash IS NOT NULL
        AND date_of_birth IS NOT NULL AND (municipality_code IS NULL OR municipality_code ~ '^[0-9]{3}$')
        AND (preferred_language IS NULL OR preferred_language IN ('FI', 'SV', 'EN'))
      ) NOT VALID`);
    await runner.query(`CREATE UNIQUE INDEX client_personal_identity_code_hash ON client (personal_identity_code_hash)`);
    await runner.query(`CREATE INDEX client_last_name_search ON client (last_name_key, first_name_key, id)`);
    await runner.query(`CREATE INDEX client_first_name_search ON client (first_name_key)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX client_first_name_search`);
    await runner.query(`DROP INDEX client_last_name_search`);
    await runner.query(`DROP INDEX client_personal_identity_code_hash`);
    await runner.query(`DELETE FROM client WHERE first_name IS NULL`);
    await runner.query(`ALTER TABLE client ALTER COLUMN first_name SET NOT NULL, ALTER COLUMN last_name SET NOT NULL`);
    await runner.query(`
      ALTER TABLE client DROP CONSTRAINT client_identity_required, DROP CONSTRAINT client_details_together,
        DROP COLUMN first_name_key, DROP COLUMN last_name_key, DROP COLUMN personal_identity_code_encrypted,
        DROP COLUMN personal_identity_code_hash, DROP COLUMN date_of_birth, DROP COLUMN municipality_code, DROP COLUMN preferred_language`);
  }
}
