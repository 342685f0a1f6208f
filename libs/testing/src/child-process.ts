import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

export interface TsProcess {
  child: ChildProcess;
  /** The end of what it wrote to stdout and stderr so far (for failure messages). */
  logTail(): string;
  /** Everything it wrote to stdout and stderr so far. */
  log(): string;
  /** Resolves when the child printed this line on stdout; rejects if it exits first or takes too long. */
  waitFor(line: string, timeoutMs?: number): Promise<void>;
  running(): boolean;
  /** SIGKILL by default (a crash); SIGTERM for a clean stop. Resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs a TypeScript entry point of this repository in its own node process, compiled on load
 * (tools/ts-register.js), so tests need no build step. The child has an IPC channel and dies with
 * its parent, so a crashed test run leaves no service behind.
 */
export function startTsProcess(entry: string, args: string[], env: Record<string, string>): TsProcess {
  const child = spawn(process.execPath, ['-r', join(root, 'tools/ts-register.js'), join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let log = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    log += chunk;
  });
  child.stderr!.on('data', (chunk) => (log += chunk));
  const logTail = () => log.slice(-3000);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    logTail,
    log: () => log,
    running,
    waitFor: (line, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = setInterval(() => {
          if (output.split('\n').includes(line)) {
            clearInterval(poll);
            resolve();
          } else if (!running() || Date.now() > deadline) {
            clearInterval(poll);
            reject(new Error(`${entry} did not print "${line}" (exit ${child.exitCode ?? child.signalCode}): ${logTail()}`));
          }
        }, 20);
      }),
    stop: async (signal = 'SIGKILL') => {
      if (running()) {
        child.kill(signal);
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(killer);
      }
      await gone;
    },
  };
}
