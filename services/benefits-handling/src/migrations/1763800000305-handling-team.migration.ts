import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadBenefitsSettings } from '../config/benefits.config';

/**
 * Jonot tiimeittäin: each application belongs to the queue of one handling team, whose benefits handlers
 * (and its supervisor) reach it (access.ts). Applications registered before this have no registering
 * handler on record, so they go to the county's benefits-handling team (BENEFITS_HANDLING_TEAM).
 */
export class HandlingTeam1763800000305 implements MigrationInterface {
  name = 'HandlingTeam1763800000305';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE income_support_application ADD COLUMN handling_team text`);
    await runner.query(`UPDATE income_support_application SET handling_team = $1`, [loadBenefitsSettings().handlingTeam]);
    await runner.query(`ALTER TABLE income_support_application ALTER COLUMN handling_team SET NOT NULL`);
    await runner.query(`CREATE INDEX income_support_application_team_queue ON income_support_application (handling_team, queue, decision_due_on) WHERE status <> 'DECIDED'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE income_support_application DROP COLUMN handling_team`);
  }
}
