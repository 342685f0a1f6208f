import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service decision is drafted first and signed after (issue 17): the draft holds the content a worker
 * prepares; signing makes the decision (service_decision), its letter and ServiceDecisionMade, exactly as
 * makeServiceDecision does in one step. A draft is never a decision: it is not on the timeline, has no
 * letter, no delivery and no appeal.
 */
export class ServiceDecisionDrafts1763800000141 implements MigrationInterface {
  name = 'ServiceDecisionDrafts1763800000141';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_decision_draft (
        id                  uuid        PRIMARY KEY,
        case_id             uuid        NOT NULL REFERENCES client_case (id),
        client_id           uuid        NOT NULL,
        content             jsonb       NOT NULL,
        drafted_by          text        NOT NULL,
        drafted_at          timestamptz NOT NULL DEFAULT now(),
        signed_decision_id  uuid        UNIQUE REFERENCES service_decision (id)
      )`);
    await runner.query(`CREATE INDEX service_decision_draft_case ON service_decision_draft (case_id, drafted_at) WHERE signed_decision_id IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE service_decision_draft`);
  }
}
