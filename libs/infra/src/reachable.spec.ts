import { isReachableBy, mayTraverse, ModeInfo } from './reachable';

const postgres = { uid: 999, gid: 999 };

describe('mayTraverse (the kernel\'s search-permission rule on a folder, owner → group → other)', () => {
  it.each([
    // mode    owner uid  owner gid  account            may pass
    [0o700, 0, 0, postgres, false], // a root-only home: drwx------
    [0o750, 0, 0, postgres, false],
    [0o711, 0, 0, postgres, true], // others may pass through without listing
    [0o755, 0, 0, postgres, true],
    [0o750, 0, 999, postgres, true], // group postgres
    [0o705, 0, 999, postgres, false], // the group bits decide for the group, even when others may
    [0o700, 999, 999, postgres, true], // owned by postgres
    [0o077, 999, 999, postgres, false], // the owner bits decide for the owner
    [0o000, 999, 999, { uid: 0, gid: 0 }, true], // root passes everywhere
  ])('mode %s owned by %s:%s, account %j → %s', (mode, uid, gid, account, expected) => {
    expect(mayTraverse({ mode: 0o040000 | mode, uid, gid }, account)).toBe(expected);
  });
});

describe('isReachableBy (every folder from / down to the path must let the account through)', () => {
  const tree = (modes: Record<string, number>) => (path: string): ModeInfo | undefined =>
    modes[path] === undefined ? undefined : { mode: modes[path], uid: 0, gid: 0 };
  it.each([
    [{ '/': 0o755, '/root': 0o700, '/root/asw': 0o755 }, '/root/asw/node_modules', false],
    [{ '/': 0o755, '/home': 0o755, '/home/ann': 0o755, '/home/ann/asw': 0o755 }, '/home/ann/asw', true],
    [{ '/': 0o755, '/home': 0o755, '/home/ann': 0o750 }, '/home/ann/asw/.cache', false],
    // folders not created yet count as reachable (we create them 0755)
    [{ '/': 0o755, '/var': 0o755 }, '/var/lib/asw-postgres/instances', true],
  ])('%j: %s → %s', (modes, path, expected) => {
    expect(isReachableBy(path, postgres, tree(modes))).toBe(expected);
  });
});
