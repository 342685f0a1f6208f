#!/usr/bin/env node
// `node tools/preflight.js start|test`: the first step of `npm start` and `npm test`, before anything is
// built or started. Is this Node.js one the graph runs on (package.json "engines": 20.19+ or 24), and has
// the machine what the local Kafka broker needs (Java 17+, Maven once; libs/infra requirements.ts, the one
// home of that check)? Each problem is one plain line, `npm start: …`, saying what to install, and a
// non-zero exit. The Node.js part is kept to syntax every Node.js version parses, so even a very old one
// prints this message rather than a syntax error.
var path = require('path');
var root = path.join(__dirname, '..');
var script = 'npm ' + (process.argv[2] || 'start');
var required = require('../package.json').engines.node; // ">=20.19 <25"
var parts = process.versions.node.split('.').map(Number);
var major = parts[0];
var minor = parts[1];
var ok = (major === 20 && minor >= 19) || (major > 20 && major < 25);
if (!ok) {
  process.stderr.write(
    script + ': this needs Node.js 20.19+ or 24 (package.json engines: ' + required + '), and this is Node.js ' + process.versions.node +
      ': install Node.js 24 LTS (https://nodejs.org, or `nvm install 24`), then run `npm ci` again.\n',
  );
  process.exit(1);
}

require('./ts-register.js');
require('../libs/infra/src/requirements.ts')
  .machineRequirementsProblem(root)
  .then(function (problem) {
    if (problem) {
      process.stderr.write(script + ': ' + problem + '\n');
      process.exit(1);
    }
  })
  .catch(function (error) {
    process.stderr.write(script + ': checking this machine failed: ' + error.message + '\n');
    process.exit(1);
  });
