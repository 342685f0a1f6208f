#!/usr/bin/env node
// Compiles gateway/, services/, libs/ and tools/ with swc, keeping the layout. Type checking is separate:
// `npx tsc -p tsconfig.json` (the typecheck target).
//
// `node tools/build.js` builds dist/ (the Docker image's build) into a fresh folder next to it and swaps it
// in at the end, so a concurrent build never deletes files another build or a running app is reading.
// `npm start` builds its own private copy (buildInto) and runs from that; the other tools (token,
// compose) run from source and never touch a build.
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const swc = require('@swc/core');
const swcOptions = require('./swc-options');

const root = path.resolve(__dirname, '..');
const sourceDirs = ['gateway', 'services', 'libs', 'tools'];
const skip = /(\.spec\.ts|\.test\.ts|\.d\.ts)$/;

function* tsFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(full);
    else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) yield full;
  }
}

/** Compiles every source file into outDir, which must not exist yet. Returns the number of files. */
function buildInto(outDir) {
  fs.mkdirSync(outDir, { recursive: false });
  let count = 0;
  for (const dir of sourceDirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const file of tsFiles(abs)) {
      const { code } = swc.transformFileSync(file, { ...swcOptions(), filename: file });
      const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
      count++;
    }
  }
  return count;
}

/** dist/: built beside it, then renamed into place; the previous one is removed only after the swap. */
function buildDist() {
  const outDir = path.join(root, 'dist');
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = `${outDir}.tmp-${suffix}`;
  const old = `${outDir}.old-${suffix}`;
  let count;
  try {
    count = buildInto(fresh);
    try {
      fs.renameSync(outDir, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      fs.renameSync(fresh, outDir);
    } catch (error) {
      // A concurrent build put its dist/ in place between our two renames: same sources, keep theirs.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    }
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  return count;
}

module.exports = { buildInto };

if (require.main === module) {
  const count = buildDist();
  process.stdout.write(`built ${count} files into dist/\n`);
}
