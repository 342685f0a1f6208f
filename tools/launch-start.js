#!/usr/bin/env node
// `npm start`: compiles this run's own copy of the code into .cache/builds/start-<pid>/dist, never the
// dist/ that a running graph or another run uses, and runs the dev runner from it as
// `node …/dist/tools/start.js` (the apps it starts run from the same copy). Signals go on to the
// runner; the copy is removed when the runner ends, and copies left by killed runs at the next start.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { buildInto } = require('./build.js');

const root = path.resolve(__dirname, '..');
const buildsDir = path.join(root, '.cache', 'builds');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
for (const entry of fs.existsSync(buildsDir) ? fs.readdirSync(buildsDir) : []) {
  const owner = /^start-(\d+)$/.exec(entry);
  if (owner && !alive(Number(owner[1]))) fs.rmSync(path.join(buildsDir, entry), { recursive: true, force: true });
}

const runDir = path.join(buildsDir, `start-${process.pid}`);
const dist = path.join(runDir, 'dist');
fs.mkdirSync(runDir, { recursive: true });
const count = buildInto(dist);
const runner = spawn(process.execPath, ['--enable-source-maps', path.join(dist, 'tools', 'start.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASW_START_BUILD: dist, ASW_START_BUILT_FILES: String(count) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runner.kill(signal));
runner.on('exit', (code, signal) => {
  fs.rmSync(runDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
