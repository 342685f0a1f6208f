import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface PortOwner {
  pid: number;
  /** Its command line, shortened; for the person who has to stop it. */
  command: string;
}

/**
 * The socket inodes listening on a TCP port, read from /proc/net/tcp and tcp6 (Linux): lines of
 * "sl local_address rem_address st … inode", the address as hex ip:port, state 0A = LISTEN.
 */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const localPort = Number.parseInt(fields[1].split(':')[1] ?? '', 16);
    if (localPort === port && fields[3] === '0A') inodes.push(fields[9]);
  }
  return inodes;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Which process listens on a TCP port, when this machine tells us (Linux /proc, and the process is
 * visible to us); undefined otherwise, and the caller says "something".
 */
export function portOwner(port: number): PortOwner | undefined {
  if (process.platform !== 'linux') return undefined;
  const inodes = new Set([...listeningInodes(read('/proc/net/tcp'), port), ...listeningInodes(read('/proc/net/tcp6'), port)]);
  if (inodes.size === 0) return undefined;
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      if (wanted.has(target)) {
        const command = read(`/proc/${entry}/cmdline`).split('\0').filter(Boolean).join(' ');
        return { pid: Number(entry), command: command.length > 120 ? `${command.slice(0, 117)}...` : command || read(`/proc/${entry}/comm`).trim() };
      }
    }
  }
  return undefined;
}

/** "pid 123 (node server.js)" or "something". */
export function describePortOwner(port: number): string {
  const owner = portOwner(port);
  return owner ? `pid ${owner.pid} (${owner.command})` : 'something';
}
