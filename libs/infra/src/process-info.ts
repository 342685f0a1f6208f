import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The executable name of a live (non-zombie) process, or undefined when there is none with that pid. */
export function liveProcessName(pid: number): string | undefined {
  if (process.platform === 'linux') {
    try {
      // "<pid> (<comm>) <state> ...": comm may itself hold spaces or parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const state = stat.slice(close + 2, close + 3);
      // A zombie has exited; in a container whose init does not reap, it would otherwise look alive forever.
      return state === 'Z' || state === 'X' ? undefined : stat.slice(open + 1, close);
    } catch {
      return undefined;
    }
  }
  try {
    const [state = '', ...name] = execFileSync('ps', ['-o', 'stat=,comm=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
    return state.startsWith('Z') ? undefined : basename(name.join(' '));
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  return liveProcessName(pid) !== undefined;
}

/** Waits until the pid is gone, polling (it is not our child, so there is no exit event). */
export async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export function signal(pid: number, signalName: NodeJS.Signals): void {
  try {
    process.kill(pid, signalName);
  } catch {
    // already gone
  }
}
