import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * Counts the SQL statements that touch a table while `work` runs, to prove batching: one query per
 * request level, not one per entity.
 */
export async function countQueriesOn(table: string, work: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.filter(([sql]) => new RegExp(`\\bFROM\\s+"?${table}"?`, 'i').test(String(sql))).length;
  } finally {
    spy.mockRestore();
  }
}
