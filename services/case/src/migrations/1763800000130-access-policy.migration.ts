import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13 (access that cannot be self-granted):
 * - `client_case.client_wide`: false for a case opened on intake by a worker with no relationship to a
 *   client who already had cases; its workers reach that case and the client's basic details only;
 * - `client_handling_team`: which benefits-handling teams have an application of the client in their
 *   queue (from IncomeSupportApplicationRegistered): a benefits handler's only basis for basic details;
 * - `intake_reference`: a duplicate registration by a worker without a relationship gets a reference,
 *   not the client's id; the intake team resolves it;
 * - `justified_access_grant`: each access with justification with its free text, for auditors' review
 *   (the library's `justified_access` is what admits).
 */
export class AccessPolicy1763800000130 implements MigrationInterface {
  name = 'AccessPolicy1763800000130';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE client_case ADD COLUMN client_wide boolean NOT NULL DEFAULT true`);
    await runner.query(`
      CREATE TABLE client_handling_team (
        client_id uuid NOT NULL,
        team      text NOT NULL,
        since     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, team)
      )`);
    await runner.query(`
      CREATE TABLE intake_reference (
        reference    text        PRIMARY KEY,
        client_id    uuid        NOT NULL,
        requested_by text        NOT NULL,
        team         text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE justified_access_grant (
        grant_id      uuid        PRIMARY KEY,
        client_id     uuid        NOT NULL,
        actor_id      text        NOT NULL,
        actor_team    text        NOT NULL,
        reason        text        NOT NULL,
        justification text        NOT NULL,
        granted_at    timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX justified_access_grant_time ON justified_access_grant (granted_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE justified_access_grant`);
    await runner.query(`DROP TABLE intake_reference`);
    await runner.query(`DROP TABLE client_handling_team`);
    await runner.query(`ALTER TABLE client_case DROP COLUMN client_wide`);
  }
}
