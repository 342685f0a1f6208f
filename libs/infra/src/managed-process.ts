import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface StartProcessOptions {
  /** For messages, e.g. "Kafka broker". */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Drop privileges (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** stdout and stderr go here, appended: nothing on our terminal, and no pipe to drain. */
  logFile: string;
  /** The signal for a clean, quick shutdown: SIGTERM for Kafka, SIGINT (fast shutdown) for PostgreSQL. */
  stopSignal: NodeJS.Signals;
  stopTimeoutMs: number;
  /** Synchronous tidying once stopped (e.g. deleting a throwaway folder), also when stopped by Ctrl-C. */
  afterStop?: () => void;
}

export interface ManagedProcess {
  readonly pid: number;
  /** Why it ended, once it has ended on its own or been stopped. */
  exitReason(): string | undefined;
  /** The last lines of its log file, for error messages. */
  logTail(lines?: number): string;
  /** Stop signal, then SIGKILL after the timeout; resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash, for fault tests), without afterStop; resolves once it has exited. */
  kill(): Promise<void>;
}

const running = new Set<{ child: ChildProcess; stopSignal: NodeJS.Signals; stop(): Promise<void> }>();

// Last resort when the owner exits without calling stop(): only synchronous work is possible in 'exit', so
// send the clean-shutdown signal and let the servers finish on their own.
function onExit(): void {
  for (const entry of running) entry.child.kill(entry.stopSignal);
}

// Signals are handled only when nobody else listens: installing a listener disables Node's default
// "terminate", and an owner with its own handler (npm start) shuts down in its order, then calls stop().
function onSignal(signalName: NodeJS.Signals): void {
  if (process.listenerCount(signalName) > 1) return;
  void Promise.allSettled([...running].map((entry) => entry.stop())).then(() => {
    uninstallHooks();
    process.kill(process.pid, signalName);
  });
}
const onSigint = () => onSignal('SIGINT');
const onSigterm = () => onSignal('SIGTERM');

function installHooks(): void {
  if (running.size !== 1) return;
  process.on('exit', onExit);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
}

function uninstallHooks(): void {
  process.off('exit', onExit);
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
}

export function readTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts a long-running server process that is stopped by stop(), by the owner's exit, or by Ctrl-C. */
export async function startProcess(options: StartProcessOptions): Promise<ManagedProcess> {
  const logFd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      env: options.env,
      cwd: options.cwd,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', logFd, logFd],
      // Own process group: Ctrl-C on the terminal reaches the owner, which stops its apps before the
      // infrastructure they use, instead of everything dying at once.
      detached: true,
    });
  } finally {
    closeSync(logFd);
  }
  let reason: string | undefined;
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    // Kept for the process's life: an unhandled 'error' event (e.g. a failed kill) would crash the owner.
    child.on('error', (error) => reject(new Error(`${options.name}: could not run ${options.command}: ${error.message}`)));
  });

  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signalName) => {
      reason = signalName ? `exited on ${signalName}` : `exited with code ${code}`;
      running.delete(entry);
      if (running.size === 0) uninstallHooks();
      resolve();
    });
  });
  // Not holding the owner's event loop open: a forgotten stop() must not hang a test run (the exit hook stops it).
  child.unref();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (reason === undefined) {
        child.ref(); // keep the loop alive until it has really exited
        child.kill(options.stopSignal);
        const killer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs);
        await exited;
        clearTimeout(killer);
      }
      options.afterStop?.();
    })();
    return stopping;
  };
  const entry = { child, stopSignal: options.stopSignal, stop };
  running.add(entry);
  installHooks();

  return {
    pid: child.pid as number,
    exitReason: () => reason,
    logTail: (lines) => readTail(options.logFile, lines),
    stop,
    kill: async () => {
      if (reason === undefined) {
        child.ref();
        child.kill('SIGKILL');
      }
      await exited;
    },
  };
}
