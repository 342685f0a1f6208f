import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who opened each case (the token's user id; null when a Kela notice opened it): the opener works on
 * the case, so relationship-based access counts them among its co-workers. Cases opened before this
 * migration take the opener from their first status change, and every case's relationships are
 * recorded in `case_relationships` (the other services learn them from the next change of each case).
 */
export class CaseOpenedBy1763800000110 implements MigrationInterface {
  name = 'CaseOpenedBy1763800000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE client_case ADD COLUMN opened_by text`);
    await runner.query(`
      UPDATE client_case c SET opened_by = h.changed_by
      FROM case_status_change h
      WHERE h.case_id = c.id AND h.from_status IS NULL AND c.kela_notice_id IS NULL`);
    await runner.query(`
      INSERT INTO case_relationships (case_id, client_id, team, open, named_worker, co_workers, changed_at)
      SELECT c.id, c.client_id, c.team, c.status <> 'CLOSED', named.user_id,
             ARRAY(SELECT DISTINCT u FROM unnest(
               ARRAY(SELECT w.user_id FROM case_co_worker cw JOIN worker w ON w.id = cw.worker_id WHERE cw.case_id = c.id)
               || CASE WHEN c.opened_by IS NULL THEN ARRAY[]::text[] ELSE ARRAY[c.opened_by] END) AS u ORDER BY u),
             now()
      FROM client_case c LEFT JOIN worker named ON named.id = c.responsible_worker_id
      ON CONFLICT (case_id) DO NOTHING`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE client_case DROP COLUMN opened_by`);
  }
}
