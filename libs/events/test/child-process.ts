import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

export interface FixtureProcess {
  child: ChildProcess;
  /** Resolves when the child printed this line; rejects if it exits first. */
  waitFor(line: string, timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
}

/** Starts libs/events/test/fixtures/event-process.fixture.ts in its own node process. */
export function startFixture(mode: 'consume' | 'write', env: Record<string, string>): FixtureProcess {
  const child = spawn(process.execPath, ['-r', join(root, 'tools/events/ts-register.js'), join(__dirname, 'fixtures/event-process.fixture.ts'), mode], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    waitFor: (line, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = setInterval(() => {
          if (output.split('\n').includes(line)) {
            clearInterval(poll);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
            clearInterval(poll);
            reject(new Error(`fixture ${mode} did not print "${line}" (exit ${child.exitCode ?? child.signalCode}): ${errors.slice(-2000)}`));
          }
        }, 20);
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
