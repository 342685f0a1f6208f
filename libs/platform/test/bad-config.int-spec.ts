import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

// Issue 21: a bad LOG_LEVEL gets the same one-line configuration error as every other bad variable.
describe.each([
  ['the gateway', 'gateway/src/main.ts'],
  ['a subgraph', 'services/case/src/main.ts'],
])('%s with a bad LOG_LEVEL', (_name, entry) => {
  it('exits 1 with one configuration line naming LOG_LEVEL, and no stack trace', () => {
    const result = spawnSync(process.execPath, ['-r', './tools/ts-register.js', entry], {
      cwd: root,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'loud', PORT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = `${result.stdout}${result.stderr}`.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { level: string; err: string };
    expect(line.level).toBe('fatal');
    expect(line.err).toMatch(/^Invalid configuration: .*LOG_LEVEL: /);
    expect(lines[0]).not.toMatch(/\n\s+at |\bat .*\.ts:\d+/);
  });
});
