#!/usr/bin/env node
// First step of `npm start` and `npm test`, before anything is built or started: is this Node.js one the
// graph runs on (package.json "engines": 20.19+ or 24)? Kept to syntax every Node.js version parses, so
// even a very old one prints this message rather than a syntax error.
var required = require('../package.json').engines.node; // ">=20.19 <25"
var parts = process.versions.node.split('.').map(Number);
var major = parts[0];
var minor = parts[1];
var ok = (major === 20 && minor >= 19) || (major > 20 && major < 25);
if (!ok) {
  process.stderr.write(
    'This needs Node.js 20.19+ or 24 (package.json engines: ' + required + '), and this is Node.js ' + process.versions.node +
      ': install Node.js 24 LTS (https://nodejs.org, or `nvm install 24`), then run `npm ci` again.\n',
  );
  process.exit(1);
}
