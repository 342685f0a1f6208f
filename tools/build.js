#!/usr/bin/env node
// Compiles gateway/, services/, libs/ and tools/ into dist/ (same layout) with swc.
// Type checking is separate: `npx tsc -p tsconfig.json` (the typecheck target).
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const swcOptions = require('./swc-options');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist');
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

fs.rmSync(outDir, { recursive: true, force: true });
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
process.stdout.write(`built ${count} files into dist/\n`);
