import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Account {
  uid: number;
  gid: number;
}

/** The parts of a stat result the permission check reads. */
export interface ModeInfo {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * Whether `account` may pass through (execute bit) a folder with these permissions, as the kernel decides
 * it: the owner bits when it owns the folder, else the group bits when its group matches, else the other
 * bits. Root (uid 0) passes everywhere. Supplementary groups are not considered: a false "no" only makes
 * the caller use the reachable layout.
 */
export function mayTraverse(stat: ModeInfo, account: Account): boolean {
  if (account.uid === 0) return true;
  if (stat.uid === account.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === account.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/**
 * Whether `account` can reach `path`: every existing folder from `/` down to it must let it through. A
 * folder that does not exist yet counts as reachable when it would be created by us with mode 0755.
 */
export function isReachableBy(path: string, account: Account, stat: (path: string) => ModeInfo | undefined = statOrUndefined): boolean {
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  return folders.every((dir) => {
    const info = stat(dir);
    return info === undefined || mayTraverse(info, account);
  });
}

function statOrUndefined(path: string): ModeInfo | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A folder only root may write, created if missing (0755): where binaries a less privileged server runs
 * are kept, so nobody else can swap them. Refuses a symlink, or a folder someone else owns or may write.
 */
export function ensureRootOwnedFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  const info = lstatSync(path);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(`${path} must be a folder owned by root that only root may write (it is ${info.isSymbolicLink() ? 'a symlink' : `mode ${(info.mode & 0o777).toString(8)}, owner uid ${info.uid}`}): remove it, or set ASW_POSTGRES_HOME to another folder`);
  }
}
