import { assertDatabaseName, databaseUrl, redactUrl } from './database';

describe('databaseUrl', () => {
  it.each([
    ['postgres://u:secret@127.0.0.1:5433/postgres', 'asw_case', 'postgres://u:secret@127.0.0.1:5433/asw_case'],
    ['postgresql://u:p@db.internal:5432/app?sslmode=require', 'postgres', 'postgresql://u:p@db.internal:5432/postgres?sslmode=require'],
    ['postgres://u@db', 'asw_case', 'postgres://u@db/asw_case'],
    ['postgres://u:p%40ss@db:5432/x', 'y', 'postgres://u:p%40ss@db:5432/y'],
  ])('%s with %s → %s', (serverUrl, database, expected) => {
    expect(databaseUrl(serverUrl, database)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
  });

  it('does not echo what it cannot parse', () => {
    expect(redactUrl('not a url with secret')).not.toContain('secret');
  });
});

describe('assertDatabaseName', () => {
  it.each(['asw_case', '_x', 'asw_test_case_0a1b2c3d', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(() => assertDatabaseName(name)).not.toThrow();
  });

  it.each(['', 'Case', '1db', 'a-b', 'a b', 'x"; DROP DATABASE y; --', 'a'.repeat(64)])('refuses %j', (name) => {
    expect(() => assertDatabaseName(name)).toThrow('invalid database name');
  });
});
