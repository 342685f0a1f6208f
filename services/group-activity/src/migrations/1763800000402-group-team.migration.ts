import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team a group belongs to (its creator's team): with its facilitators, that team's supervisor may
 * change the group (issue #13 item 3). Groups created before have none: only their facilitators.
 */
export class GroupTeam1763800000402 implements MigrationInterface {
  name = 'GroupTeam1763800000402';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rehabilitation_group ADD COLUMN team text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rehabilitation_group DROP COLUMN team`);
  }
}
