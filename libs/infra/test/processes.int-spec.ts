import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from '../src/managed-process';
import { isAlive, liveProcessName } from '../src/process-info';
import { RunRecords } from '../src/run-records';

// The no-orphans machinery, with stand-ins: a copy of `sleep` named `java` looks like a broker to the checks.
const sleepBinary = spawnSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).stdout.trim();

describe('managed processes and run records', () => {
  let dir: string;
  let fakeJava: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-processes-'));
    mkdirSync(join(dir, 'bin'));
    fakeJava = join(dir, 'bin', 'java');
    copyFileSync(sleepBinary, fakeJava);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function deadPid(): number {
    const result = spawnSync('true');
    return result.pid as number;
  }

  it('stop() ends the process with its stop signal and runs afterStop', async () => {
    let tidied = false;
    const managed = await startProcess({
      name: 'fake broker',
      command: fakeJava,
      args: ['60'],
      env: {},
      logFile: join(dir, 'a.log'),
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 5_000,
      afterStop: () => (tidied = true),
    });
    expect(liveProcessName(managed.pid)).toBe('java');
    await managed.stop();
    expect(isAlive(managed.pid)).toBe(false);
    expect(managed.exitReason()).toBe('exited on SIGTERM');
    expect(tidied).toBe(true);
  });

  it('stop() falls back to SIGKILL when the stop signal is ignored', async () => {
    const managed = await startProcess({
      name: 'stubborn',
      command: 'sh',
      args: ['-c', `trap '' TERM; exec ${sleepBinary} 60`],
      env: { PATH: process.env.PATH },
      logFile: join(dir, 'b.log'),
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 300,
    });
    // Only once `sleep` has replaced the shell is the trap in place.
    while (liveProcessName(managed.pid) !== 'sleep') await new Promise((resolve) => setTimeout(resolve, 20));
    await managed.stop();
    expect(managed.exitReason()).toBe('exited on SIGKILL');
  });

  it('fails clearly when the command does not exist', async () => {
    await expect(
      startProcess({ name: 'missing', command: join(dir, 'nope'), args: [], env: {}, logFile: join(dir, 'c.log'), stopSignal: 'SIGTERM', stopTimeoutMs: 1_000 }),
    ).rejects.toThrow('missing: could not run');
  });

  it('cleans up what a crashed run left: its process (if still the same program) and its throwaway folder', async () => {
    const records = new RunRecords(join(dir, 'run'));
    const orphan = spawn(fakeJava, ['60'], { detached: true, stdio: 'ignore' });
    const unrelated = spawn(sleepBinary, ['60'], { detached: true, stdio: 'ignore' });
    try {
      const throwaway = join(dir, 'kafka-test-x');
      mkdirSync(throwaway);
      const owner = deadPid();
      records.write('kafka-test-x', { owner, kind: 'java', pid: orphan.pid, stopSignal: 'SIGTERM', throwawayDir: throwaway });
      // A record whose pid now belongs to another program (pid reuse): that program is left alone.
      records.write('postgres-test-y', { owner, kind: 'postgres', pid: unrelated.pid, stopSignal: 'SIGINT' });
      // A live owner (this process): not stale.
      records.write('kafka-dev', { owner: process.pid, kind: 'java', pid: orphan.pid, stopSignal: 'SIGTERM' });

      const messages: string[] = [];
      await records.cleanUpStale((message) => messages.push(message));

      expect(isAlive(orphan.pid as number)).toBe(false);
      expect(existsSync(throwaway)).toBe(false);
      expect(isAlive(unrelated.pid as number)).toBe(true);
      expect(existsSync(join(dir, 'run', 'kafka-test-x.json'))).toBe(false);
      expect(existsSync(join(dir, 'run', 'postgres-test-y.json'))).toBe(false);
      expect(existsSync(join(dir, 'run', 'kafka-dev.json'))).toBe(true);
      expect(messages).toEqual([`stopping kafka-test-x (pid ${orphan.pid}) left running by a previous run`]);
    } finally {
      orphan.kill('SIGKILL');
      unrelated.kill('SIGKILL');
    }
  });
});
