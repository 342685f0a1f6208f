import { MigrationInterface, QueryRunner } from 'typeorm';

/** Takaisinperintä (§19–21): claims on a decision, from draft to the administrative court's decision. */
export class RecoveryClaims1763800000304 implements MigrationInterface {
  name = 'RecoveryClaims1763800000304';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE recovery_claim (
        id                uuid        PRIMARY KEY,
        decision_id       uuid        NOT NULL REFERENCES income_support_decision (id),
        client_id         uuid        NOT NULL,
        ground            text        NOT NULL CHECK (ground IN ('ASSETS_NOT_YET_AVAILABLE', 'WILFUL_NEGLECT_OF_SELF_SUPPORT', 'STRIKE', 'MAINTENANCE_LIABLE_NEGLECT', 'FALSE_INFORMATION')),
        amount_cents      integer     NOT NULL CHECK (amount_cents > 0),
        status            text        NOT NULL CHECK (status IN ('DRAFT', 'APPLIED_TO_COURT', 'DECIDED_BY_COURT')),
        applied_on        date,
        court_decided_on  date,
        court_outcome     text        CHECK (court_outcome IN ('ORDERED', 'REJECTED')),
        recorded_by       text        NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX recovery_claim_decision ON recovery_claim (decision_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE recovery_claim`);
  }
}
